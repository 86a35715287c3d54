package dev.ec2inventory.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Reads the application user's secret, which holds {@code username} and {@code password} as the Data API wants. */
final class ApplicationUserSecret {

    private ApplicationUserSecret() {
    }

    static DatabaseCredentials read(SecretsManagerClient secrets, String secretArn) {
        String secretString;
        try {
            secretString = secrets.getSecretValue(request -> request.secretId(secretArn)).secretString();
        } catch (SecretsManagerException e) {
            throw new ApplicationUserException("Secrets Manager refused the application user's secret "
                    + "(DB_APP_SECRET_ARN): " + e.awsErrorDetails().errorCode());
        } catch (SdkException e) {
            throw new ApplicationUserException("Secrets Manager did not answer for the application user's secret "
                    + "(DB_APP_SECRET_ARN)");
        }
        if (secretString == null) {
            throw new ApplicationUserException("the application user's secret has no SecretString");
        }
        try {
            JsonNode secret = new ObjectMapper().readTree(secretString);
            return new DatabaseCredentials(secret.path("username").textValue(), secret.path("password").textValue());
        } catch (IOException e) {
            // Jackson's message would quote the secret's text.
            throw new ApplicationUserException("the application user's secret is not a JSON object");
        }
    }
}
