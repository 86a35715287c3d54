package dev.ec2inventory.deploy;

import static dev.ec2inventory.deploy.CloudFormationTemplate.oneOrMany;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** template.yaml's schema migration (issue 10): the custom resource, what waits for it, and the functions' logs. */
class SchemaStackTemplateTest {

    /** The custom resource's function; ApiStackTemplateTest checks its policy with the others'. */
    static final String MIGRATION_FUNCTION = "SchemaMigrationFunction";

    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.read("template.yaml");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonNode> functions = TEMPLATE.resources("AWS::Serverless::Function");

    @Test
    void theSchemaCustomResourceRunsTheMigrationFunctionWheneverDbMigrationChanges() {
        JsonNode schema = TEMPLATE.resource("InventorySchema");
        assertThat(schema.path("Type").asText()).isEqualTo("Custom::InventorySchema");
        JsonNode properties = schema.path("Properties");
        assertThat(properties.path("ServiceToken")).isEqualTo(NODES.objectNode().set("Fn::GetAtt",
                NODES.arrayNode().add(MIGRATION_FUNCTION).add("Arn")));
        assertThat(properties.path("SchemaVersionHash")).isEqualTo(ref("SchemaVersionHash"));
        assertThat(properties.path("AppSecretArn")).as("a new application secret, whose user the migration sets up")
                .isEqualTo(NODES.objectNode().set("Fn::ImportValue",
                        NODES.objectNode().put("Fn::Sub", "${DatabaseStackName}-DatabaseAppSecretArn")));
        JsonNode function = functions.get(MIGRATION_FUNCTION);
        assertThat(properties.path("ServiceTimeout").asInt())
                .as("a function stopped by its timeout fails the stack operation soon after")
                .isGreaterThan(TEMPLATE.functionProperty(function, "Timeout").asInt());
    }

    @Test
    void theMigrationFunctionIsACustomResourceHandlerWithTimeToMigrateThatNeverRunsTwiceAtOnce() throws Exception {
        JsonNode function = functions.get(MIGRATION_FUNCTION);
        String[] handler = TEMPLATE.handler(function).split("::");
        assertThat(handler).containsExactly("dev.ec2inventory.migration.SchemaMigrationFunction", "handleRequest");
        Class<?> handlerClass = Class.forName(handler[0], false, getClass().getClassLoader());
        assertThat(Modifier.isPublic(handlerClass.getConstructor().getModifiers())).isTrue();
        assertThat(handlerClass.getMethod(handler[1], CloudFormationCustomResourceEvent.class, Context.class))
                .isNotNull();

        assertThat(TEMPLATE.functionProperty(function, "Timeout").asInt()).as("Lambda's longest").isEqualTo(900);
        assertThat(function.path("Properties").path("ReservedConcurrentExecutions").asInt())
                .as("Flyway's named lock cannot hold across auto-committed calls: one run at a time").isEqualTo(1);
        assertThat(function.path("Properties").has("Events")).as("only CloudFormation and migrate.sh invoke it")
                .isFalse();
    }

    @Test
    void everyOtherFunctionWaitsForTheSchema() {
        functions.forEach((logicalId, function) -> {
            if (!logicalId.equals(MIGRATION_FUNCTION)) {
                assertThat(oneOrMany(function.path("DependsOn"))).as("DependsOn of %s", logicalId)
                        .extracting(JsonNode::asText).contains("InventorySchema");
            }
        });
    }

    @Test
    void everyFunctionLogsJsonAtTheLevelsOfTheParameters() {
        assertThat(oneOrMany(TEMPLATE.parameter("LogLevel").path("AllowedValues"))).extracting(JsonNode::asText)
                .containsExactly("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
        assertThat(oneOrMany(TEMPLATE.parameter("SystemLogLevel").path("AllowedValues"))).extracting(JsonNode::asText)
                .containsExactly("DEBUG", "INFO", "WARN");
        functions.forEach((logicalId, function) -> {
            JsonNode logging = function.path("Properties").path("LoggingConfig");
            assertThat(logging.path("LogFormat").asText()).as("%s LogFormat", logicalId).isEqualTo("JSON");
            assertThat(logging.path("ApplicationLogLevel")).as("%s ApplicationLogLevel", logicalId)
                    .isEqualTo(ref("LogLevel"));
            assertThat(logging.path("SystemLogLevel")).as("%s SystemLogLevel", logicalId)
                    .isEqualTo(ref("SystemLogLevel"));
        });
    }

    private static JsonNode ref(String name) {
        return NODES.objectNode().put("Ref", name);
    }
}
