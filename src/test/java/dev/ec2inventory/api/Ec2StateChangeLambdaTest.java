package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InventoryUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ec2StateChangeLambdaTest {

    private static final Ec2Instance INSTANCE = new Ec2Instance("i-01aaae43feb712345", "us-east-1",
            "123456789012", List.of());

    private final InMemoryInventory inventory = new InMemoryInventory();
    private final LoggedLines log = new LoggedLines();
    private final Ec2StateChangeLambda lambda =
            new Ec2StateChangeLambda(log.wiring(inventory, LogLevel.INFO));

    @Test
    void aTerminatedInstanceLeavesTheInventory() {
        inventory.with(INSTANCE);

        Map<String, Object> outcome = lambda.handleRequest(StateChangeEvents.event("terminated"), TestContext.create());

        assertThat(outcome).containsEntry("outcome", "deleted").containsEntry("aws_instance_id", INSTANCE.awsInstanceId());
        assertThat(inventory.entries).isEmpty();
        JsonNode line = log.parsed().get(0);
        assertThat(line.path("message").asText()).isEqualTo("terminated instance removed");
        assertThat(line.path("event_id").asText()).isEqualTo("7bf73129-1428-4cd3-a780-95db273d1602");
    }

    /** The entry point Lambda's runtime calls: the event file's bytes in, the answer as JSON out. */
    @Test
    void theStreamEntryPointReadsTheEventAndWritesTheAnswer() throws IOException {
        inventory.with(INSTANCE);
        ByteArrayOutputStream written = new ByteArrayOutputStream();

        lambda.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events/Ec2StateChangeLambda.json"))),
                written, TestContext.create());

        JsonNode answer = new ObjectMapper().readTree(written.toByteArray());
        assertThat(answer.path("outcome").asText()).isEqualTo("deleted");
        assertThat(answer.path("aws_instance_id").asText()).isEqualTo(INSTANCE.awsInstanceId());
        assertThat(answer.path("event_id").asText()).isEqualTo("7bf73129-1428-4cd3-a780-95db273d1602");
        assertThat(inventory.entries).isEmpty();
    }

    @Test
    void aTerminationOfAnInstanceNotInTheInventoryIsNoError() {
        assertThat(lambda.handleRequest(StateChangeEvents.event("terminated"), TestContext.create()))
                .containsEntry("outcome", "not_in_inventory");
    }

    @Test
    void otherStatesAreLoggedAndIgnored() {
        inventory.with(INSTANCE);

        for (String state : List.of("pending", "running", "stopping", "stopped", "shutting-down")) {
            assertThat(lambda.handleRequest(StateChangeEvents.event(state), TestContext.create()))
                    .containsEntry("outcome", "ignored").containsEntry("state", state);
        }

        assertThat(inventory.entries).containsKey(INSTANCE.awsInstanceId());
        assertThat(log.parsed()).hasSize(5).allSatisfy(line ->
                assertThat(line.path("message").asText()).isEqualTo("event ignored"));
    }

    @Test
    void malformedEventsAreLoggedAndIgnoredWithoutThrowing() {
        inventory.with(INSTANCE);
        Map<String, Object> otherSource = StateChangeEvents.event("terminated");
        otherSource.put("source", "aws.autoscaling");
        Map<String, Object> badId = StateChangeEvents.event("terminated");
        badId.put("detail", Map.of("instance-id", "i-" + "0".repeat(300), "state", "terminated"));

        for (Map<String, Object> malformed : List.of(otherSource, badId, new HashMap<String, Object>())) {
            assertThat(lambda.handleRequest(malformed, TestContext.create())).containsEntry("outcome", "ignored");
        }
        assertThat(lambda.handleRequest(null, TestContext.create())).containsEntry("outcome", "ignored");

        assertThat(inventory.entries).containsKey(INSTANCE.awsInstanceId());
        assertThat(log.parsed()).hasSize(4).allSatisfy(line ->
                assertThat(line.path("level").asText()).isEqualTo("WARN"));
    }

    @Test
    void anUnavailableDatabaseIsThrownForLambdasBoundedRetries() {
        inventory.failingWith(() -> new InventoryUnavailableException("resuming", Duration.ofSeconds(10), null));

        assertThatThrownBy(() -> lambda.handleRequest(StateChangeEvents.event("terminated"), TestContext.create()))
                .isInstanceOf(InventoryUnavailableException.class);
    }
}
