package dev.ec2inventory.migration;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.local.cfn.ResponseCapture;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.lambda.LocalContext;
import dev.ec2inventory.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One invocation of the migration function, as CloudFormation makes it, against a test database through an emulator:
 * the body it PUT to the ResponseURL, and its log lines.
 */
final class MigrationRun {

    static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private MigrationRun() {
    }

    /** What CloudFormation received, the function's log lines, and the Lambda request id of the invocation. */
    record Answer(String status, String physicalResourceId, String reason, JsonNode data, List<String> log,
            String awsRequestId) {
    }

    static Answer invoke(DataApiEmulator emulator, TestDatabase database, String location, String requestType,
            String physicalResourceId, ResponseCapture capture) {
        return invoke(emulator, database, location, requestType, physicalResourceId, capture, FUNCTION_TIMEOUT);
    }

    /** @param timeLeft what the function has left when the invocation starts */
    static Answer invoke(DataApiEmulator emulator, TestDatabase database, String location, String requestType,
            String physicalResourceId, ResponseCapture capture, Duration timeLeft) {
        return invoke(emulator, database, location, requestType, physicalResourceId, capture, timeLeft, Map.of());
    }

    /** With the application user of the secret {@code appSecretArn}, which the emulator also serves. */
    static Answer invokeWithApplicationUser(DataApiEmulator emulator, TestDatabase database, String requestType,
            String physicalResourceId, ResponseCapture capture, String appSecretArn) {
        return invoke(emulator, database, SchemaMigration.LOCATION, requestType, physicalResourceId, capture,
                FUNCTION_TIMEOUT, Map.of("DB_APP_SECRET_ARN", appSecretArn,
                        "SECRETS_MANAGER_ENDPOINT", emulator.endpoint().toString()));
    }

    private static Answer invoke(DataApiEmulator emulator, TestDatabase database, String location, String requestType,
            String physicalResourceId, ResponseCapture capture, Duration timeLeft, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.putAll(Map.of(
                "DB_NAME", database.name(),
                "DB_CLUSTER_ARN", LocalCluster.RESOURCE_ARN,
                "DB_CRED_SECRETS_STORE_ARN", LocalCluster.SECRET_ARN,
                "AWS_REGION", LocalCluster.REGION,
                "DATA_API_ENDPOINT", emulator.endpoint().toString()));
        SchemaMigrationFunction function = new SchemaMigrationFunction(MigrationSettings.from(environment), location);
        URI responseUrl = capture.newResponseUrl();
        CloudFormationCustomResourceEvent event = CloudFormationCustomResourceEvent.builder()
                .withRequestType(requestType)
                .withServiceToken("arn:aws:lambda:us-east-1:123456789012:function:SchemaMigrationFunction")
                .withResponseUrl(responseUrl.toString())
                .withStackId("arn:aws:cloudformation:us-east-1:123456789012:stack/ec2-inv-api/" + UUID.randomUUID())
                .withRequestId(UUID.randomUUID().toString())
                .withLogicalResourceId("InventorySchema")
                .withPhysicalResourceId(physicalResourceId)
                .withResourceType("Custom::InventorySchema")
                .withResourceProperties(Map.of("SchemaVersionHash", "test"))
                .build();
        List<String> log = new ArrayList<>();
        String awsRequestId = UUID.randomUUID().toString();
        LocalContext context = new LocalContext(awsRequestId, "SchemaMigrationFunction", 1024,
                Instant.now().plus(timeLeft), logger(log));
        function.handleRequest(event, context);
        String body = capture.body(responseUrl).orElseThrow(
                () -> new AssertionError("nothing was sent to the ResponseURL; log: " + log));
        try {
            JsonNode answer = JSON.readTree(body);
            return new Answer(answer.path("Status").asText(), answer.path("PhysicalResourceId").asText(null),
                    answer.path("Reason").asText(null), answer.path("Data"), log, awsRequestId);
        } catch (IOException e) {
            throw new UncheckedIOException("the ResponseURL got no JSON: " + body, e);
        }
    }

    private static LambdaLogger logger(List<String> lines) {
        return new LambdaLogger() {
            @Override
            public synchronized void log(String message) {
                lines.add(message);
            }

            @Override
            public synchronized void log(byte[] message) {
                lines.add(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
