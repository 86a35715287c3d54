package dev.ec2inventory.api;

import static dev.ec2inventory.api.ApiAssertions.assertError;
import static dev.ec2inventory.api.ApiAssertions.assertSameResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.HandlerParams;
import com.amazonaws.services.lambda.runtime.tests.annotations.Response;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.InventoryUnavailableException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class GetEc2InfoHandlerTest {

    private final InMemoryInventory inventory = new InMemoryInventory();
    private final LoggedLines log = new LoggedLines();
    private final GetEc2InfoHandler handler =
            new GetEc2InfoHandler(log.wiring(inventory, LogLevel.INFO));

    @ParameterizedTest
    @HandlerParams(
            event = @Event(value = "events/get-ec2-info.json", type = APIGatewayProxyRequestEvent.class),
            response = @Response(value = "events/get-ec2-info-response.json",
                    type = APIGatewayProxyResponseEvent.class))
    void answersTheRecordInTheReadmesShape(APIGatewayProxyRequestEvent request,
            APIGatewayProxyResponseEvent expected) {
        inventory.with(new Ec2Instance("i-01aaae43feb712345", "us-east-1", "123456789012", List.of(
                new InstalledPackage("package-1", "v1"), new InstalledPackage("package-1", "v2"),
                new InstalledPackage("package-2", "v1"))));

        assertSameResponse(handler.handleRequest(request, TestContext.create()), expected);
    }

    @ParameterizedTest
    @Event(value = "events/get-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void anUnknownInstanceIsAnEmptyRecord(APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).isEqualTo("{\"record\":{},\"record_found\":false}");
    }

    @ParameterizedTest
    @Event(value = "events/get-ec2-info-long-instance-id.json", type = APIGatewayProxyRequestEvent.class)
    void anIdLongerThanAnyStoredOneIsABadRequest(APIGatewayProxyRequestEvent request) {
        assertError(log, handler.handleRequest(request, TestContext.create()), 400,
                "aws_instance_id must be at most 255 characters");
    }

    @Test
    void aRequestWithoutThePathParameterIsABadRequest() {
        assertError(log, handler.handleRequest(new APIGatewayProxyRequestEvent(), TestContext.create()), 400,
                "aws_instance_id is required in the path: /ec2/{aws_instance_id}");
    }

    @ParameterizedTest
    @Event(value = "events/get-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void aResumingDatabaseIsA503WithRetryAfter(APIGatewayProxyRequestEvent request) {
        inventory.failingWith(() -> new InventoryUnavailableException("resuming", Duration.ofSeconds(10), null));

        APIGatewayProxyResponseEvent response = handler.handleRequest(request, TestContext.create());

        assertError(log, response, 503, "The inventory database is starting up or busy; retry in 10 seconds");
        assertThat(response.getHeaders()).containsEntry("Retry-After", "10");
    }

    @Test
    void creationDatesPrintLikeTheReadme() {
        assertThat(Responses.CREATION_DATE.format(LocalDateTime.of(2019, 3, 6, 2, 45, 32)))
                .isEqualTo("2019-03-06 02:45:32.0");
        assertThat(Responses.CREATION_DATE.format(LocalDateTime.of(2019, 3, 6, 2, 45, 32, 120_000_000)))
                .isEqualTo("2019-03-06 02:45:32.12");
    }
}
