package dev.ec2inventory.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** template.yaml's EventBridge path: which events reach Ec2StateChangeLambda, and how often a failure is retried. */
class StateChangeRuleTemplateTest {

    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.read("template.yaml");

    /** Only terminations reach the function, and Lambda retries a failed one twice at most, within an hour. */
    @Test
    void terminatedInstancesReachTheStateChangeFunctionThroughAnEventBridgeRule() {
        JsonNode function = TEMPLATE.resource("Ec2StateChangeLambda").path("Properties");
        List<JsonNode> rules = new ArrayList<>();
        function.path("Events").elements().forEachRemaining(rules::add);

        assertThat(function.path("ImageConfig").path("Command").path(0).asText())
                .isEqualTo("dev.ec2inventory.api.Ec2StateChangeLambda::handleRequest");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).path("Type").asText()).isEqualTo("EventBridgeRule");
        JsonNode pattern = rules.get(0).path("Properties").path("Pattern");
        assertThat(texts(pattern.path("source"))).containsExactly("aws.ec2");
        assertThat(texts(pattern.path("detail-type"))).containsExactly("EC2 Instance State-change Notification");
        assertThat(texts(pattern.path("detail").path("state"))).containsExactly("terminated");
        assertThat(function.path("EventInvokeConfig").path("MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(function.path("EventInvokeConfig").path("MaximumEventAgeInSeconds").asInt()).isEqualTo(3600);
    }

    private static List<String> texts(JsonNode oneOrMany) {
        return CloudFormationTemplate.oneOrMany(oneOrMany).stream().map(JsonNode::asText).toList();
    }
}
