package dev.ec2inventory.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.DatabaseSecrets.DatabaseSecretException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** What a Data API secret's value reads as, and what its failures say: never the secret's text, nor its ARN. */
class DatabaseSecretsTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf";

    @Test
    void readsTheUserNameAndThePassword() {
        DatabaseCredentials credentials = secretWhoseValueIs(
                "{\"username\": \"ec2_inventory_app\", \"password\": \"s3cretS3cretS3cret\", \"engine\": \"mysql\"}");

        assertThat(credentials.username()).isEqualTo("ec2_inventory_app");
        assertThat(credentials.password()).isEqualTo("s3cretS3cretS3cret");
        assertThat(credentials.toString()).contains("ec2_inventory_app").doesNotContain("s3cretS3cretS3cret");
    }

    @Test
    void aValueThatIsNotAJsonObjectIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> secretWhoseValueIs("password=s3cretS3cretS3cret"))
                .isInstanceOf(DatabaseSecretException.class)
                .hasMessage("the app secret is not a JSON object");
    }

    @Test
    void aValueWithoutAPasswordSaysWhichFieldIsMissing() {
        assertThatThrownBy(() -> secretWhoseValueIs("{\"username\": \"ec2_inventory_app\", \"password\": 42}"))
                .isInstanceOf(DatabaseSecretException.class)
                .hasMessage("the app secret has no text field \"password\"");
    }

    @Test
    void aRefusalNamesTheErrorAndNotTheArn() {
        try (DatabaseSecrets secrets = new DatabaseSecrets(answering(() -> {
            throw ResourceNotFoundException.builder().message("not found: " + ARN)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build())
                    .build();
        }))) {
            assertThatThrownBy(() -> secrets.read(ARN, "the app secret"))
                    .isInstanceOf(DatabaseSecretException.class)
                    .hasMessage("Secrets Manager refused the app secret: ResourceNotFoundException");
        }
    }

    private static DatabaseCredentials secretWhoseValueIs(String value) {
        try (DatabaseSecrets secrets = new DatabaseSecrets(answering(
                () -> GetSecretValueResponse.builder().arn(ARN).secretString(value).build()))) {
            return secrets.read(ARN, "the app secret");
        }
    }

    private static SecretsManagerClient answering(Supplier<GetSecretValueResponse> answer) {
        return new SecretsManagerClient() {
            @Override
            public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
                assertThat(request.secretId()).isEqualTo(ARN);
                return answer.get();
            }

            @Override
            public String serviceName() {
                return "secretsmanager";
            }

            @Override
            public void close() {
            }
        };
    }
}
