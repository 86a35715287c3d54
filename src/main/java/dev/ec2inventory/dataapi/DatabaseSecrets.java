package dev.ec2inventory.dataapi;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads Data API secrets ({@code {"username": ..., "password": ...}}) from Secrets Manager. The migration needs the
 * application user's password to set it; the functions never read a secret, the Data API does it for them.
 */
public final class DatabaseSecrets implements AutoCloseable {

    private final SecretsManagerClient client;

    /** {@link #close()} closes {@code client}. */
    DatabaseSecrets(SecretsManagerClient client) {
        this.client = client;
    }

    /** @param endpoint replaces the regional one, for a local stand-in */
    public static DatabaseSecrets create(String region, Optional<URI> endpoint) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(builder::endpointOverride);
        return new DatabaseSecrets(builder.build());
    }

    /** @param purpose names the secret in errors, instead of its ARN, such as "the application user's secret" */
    public DatabaseCredentials read(String secretArn, String purpose) {
        String text;
        try {
            text = client.getSecretValue(request -> request.secretId(secretArn)).secretString();
        } catch (SecretsManagerException e) {
            throw new DatabaseSecretException("Secrets Manager refused " + purpose + ": "
                    + e.awsErrorDetails().errorCode());
        } catch (SdkException e) {
            throw new DatabaseSecretException("Secrets Manager did not answer for " + purpose);
        }
        Map<String, JsonNode> fields = parse(text, purpose);
        return new DatabaseCredentials(field(fields, "username", purpose), field(fields, "password", purpose));
    }

    @Override
    public void close() {
        client.close();
    }

    private static Map<String, JsonNode> parse(String text, String purpose) {
        try {
            JsonNode secret = text == null ? null : JsonNode.parser().parse(text);
            if (secret != null && secret.isObject()) {
                return secret.asObject();
            }
        } catch (RuntimeException e) {
            // The parser's message would quote the secret's text.
        }
        throw new DatabaseSecretException(purpose + " is not a JSON object");
    }

    private static String field(Map<String, JsonNode> fields, String name, String purpose) {
        JsonNode value = fields.get(name);
        if (value == null || !value.isString()) {
            throw new DatabaseSecretException(purpose + " has no text field \"" + name + "\"");
        }
        return value.asString();
    }

    /** A secret that could not be read; the message names the secret's purpose and never quotes its value. */
    public static final class DatabaseSecretException extends RuntimeException {

        DatabaseSecretException(String message) {
            super(message);
        }
    }
}
