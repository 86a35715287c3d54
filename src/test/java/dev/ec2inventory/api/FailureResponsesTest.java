package dev.ec2inventory.api;

import static dev.ec2inventory.api.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.api.FailureResponses.FailureResponse;
import dev.ec2inventory.inventory.InstanceAlreadyExistsException;
import dev.ec2inventory.inventory.InstanceNotFoundException;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InvalidFieldException;
import dev.ec2inventory.inventory.InventoryUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureResponsesTest {

    private static final String INTERNAL_ERROR =
            "The inventory could not handle the request; quote the error code when reporting it";

    @Test
    void aRequestFormatProblemIsA400WithItsMessage() {
        assertAnswer(new BadRequestException("Unknown field 'aws_zone'", "parser said so"), 400,
                "Unknown field 'aws_zone'", Map.of());
    }

    @Test
    void anInvalidFieldIsA400NamingItsPath() {
        assertAnswer(new InvalidFieldException("package_name", "is required").under("packages[2]."), 400,
                "packages[2].package_name is required", Map.of());
    }

    @Test
    void aStoredInstanceIsA400() {
        assertAnswer(new InstanceAlreadyExistsException("i-1"), 400, "Instance i-1 is already in the inventory",
                Map.of());
    }

    @Test
    void anUnknownInstanceIsA404() {
        assertAnswer(new InstanceNotFoundException("i-1"), 404, "Instance i-1 is not in the inventory", Map.of());
    }

    @Test
    void anUnavailableInventoryIsA503WithRetryAfterInWholeSeconds() {
        assertAnswer(new InventoryUnavailableException("resuming", Duration.ofMillis(1_500), null), 503,
                "The inventory database is starting up or busy; retry in 1 seconds", Map.of("Retry-After", "1"));
        assertAnswer(new InventoryUnavailableException("resuming", Duration.ZERO, null), 503,
                "The inventory database is starting up or busy; retry in 1 seconds", Map.of("Retry-After", "1"));
    }

    @Test
    void anythingElseIsA500ThatTellsTheClientNothing() {
        IllegalStateException internal = new IllegalStateException("arn:aws:rds:us-east-1:123456789012:cluster:x");

        FailureResponse answer = FailureResponses.of(internal);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.level()).isEqualTo(LogLevel.ERROR);
        assertThat(answer.clientMessage()).isEqualTo(INTERNAL_ERROR);
        assertThat(answer.headers()).isEmpty();
        assertThat(answer.logDetails()).containsEntry("exception", IllegalStateException.class.getName())
                .containsEntry("detail", internal.getMessage());
    }

    @Test
    void aRouteAnswersWithTheTablesRowAndLogsWhatTheClientIsNotTold() {
        LoggedLines log = new LoggedLines();
        APIGatewayProxyResponseEvent response = failingRoute(log, new InstanceNotFoundException("i-1"))
                .handleRequest(new APIGatewayProxyRequestEvent(), TestContext.create());

        JsonNode logged = assertError(log, response, 404, "Instance i-1 is not in the inventory");
        assertThat(logged.path("level").asText()).isEqualTo("WARN");
        assertThat(response.getHeaders()).containsOnlyKeys("Content-Type");
    }

    @Test
    void aRouteNeverShowsAnUnknownFailuresInternals() {
        LoggedLines log = new LoggedLines();
        RuntimeException internal = new IllegalStateException("SELECT secret FROM internals");
        APIGatewayProxyResponseEvent response = failingRoute(log, internal)
                .handleRequest(new APIGatewayProxyRequestEvent(), TestContext.create());

        JsonNode logged = assertError(log, response, 500, INTERNAL_ERROR);
        assertThat(response.getBody()).doesNotContain("SELECT", "IllegalStateException");
        assertThat(logged.path("detail").asText()).isEqualTo("SELECT secret FROM internals");
        assertThat(logged.path("stack_trace").asText()).contains("IllegalStateException");
    }

    private static void assertAnswer(RuntimeException failure, int status, String clientMessage,
            Map<String, String> headers) {
        FailureResponse answer = FailureResponses.of(failure);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.level()).isEqualTo(LogLevel.WARN);
        assertThat(answer.clientMessage()).isEqualTo(clientMessage);
        assertThat(answer.headers()).isEqualTo(headers);
    }

    /** A route whose every answer is {@code failure}. */
    private static InventoryRoute failingRoute(LoggedLines log, RuntimeException failure) {
        return new InventoryRoute("GET /ec2/{aws_instance_id}", log.wiring(new InMemoryInventory(), LogLevel.INFO)) {
            @Override
            Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
                throw failure;
            }
        };
    }
}
