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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** DELETE and PUT of one instance, over the in-memory inventory. */
class LifecycleHandlersTest {

    private static final Ec2Instance SEED = new Ec2Instance("i-01aaae43feb712345", "us-east-1", "123456789012",
            List.of(new InstalledPackage("package-1", "v1"), new InstalledPackage("package-2", "v1")));

    private final InMemoryInventory inventory = new InMemoryInventory();
    private final LoggedLines log = new LoggedLines();
    private final FunctionWiring wiring = log.wiring(inventory, LogLevel.INFO);
    private final DeleteEc2InfoHandler delete = new DeleteEc2InfoHandler(wiring);
    private final ReplaceEc2PackagesHandler replace = new ReplaceEc2PackagesHandler(wiring);

    @ParameterizedTest
    @Event(value = "events/delete-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void deleteRemovesTheInstanceThenSaysItWasNotThere(APIGatewayProxyRequestEvent request) {
        inventory.with(SEED);

        APIGatewayProxyResponseEvent first = delete.handleRequest(request, TestContext.create());
        APIGatewayProxyResponseEvent again = delete.handleRequest(request, TestContext.create());

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(first.getBody()).isEqualTo("{\"deleted\":true}");
        assertThat(again.getBody()).isEqualTo("{\"deleted\":false}");
        assertThat(inventory.entries).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void deleteOfABlankOrMissingIdIsABadRequest() {
        assertError(log, delete.handleRequest(new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of("aws_instance_id", " ")), TestContext.create()), 400,
                "aws_instance_id must not be blank");
        assertError(log, delete.handleRequest(new APIGatewayProxyRequestEvent(), TestContext.create()), 400,
                "aws_instance_id is required in the path: /ec2/{aws_instance_id}");
    }

    @ParameterizedTest
    @Event(value = "events/delete-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void deleteWhileTheDatabaseResumesIsA503(APIGatewayProxyRequestEvent request) {
        inventory.failingWith(() -> new InventoryUnavailableException("resuming", Duration.ofSeconds(10), null));

        assertError(log, delete.handleRequest(request, TestContext.create()), 503,
                "The inventory database is starting up or busy; retry in 10 seconds");
    }

    @ParameterizedTest
    @HandlerParams(
            event = @Event(value = "events/put-ec2-packages.json", type = APIGatewayProxyRequestEvent.class),
            response = @Response(value = "events/put-ec2-packages-response.json",
                    type = APIGatewayProxyResponseEvent.class))
    void putAnswersTheRecordWithItsNewPackagesInGetsShape(APIGatewayProxyRequestEvent request,
            APIGatewayProxyResponseEvent expected) {
        inventory.with(SEED);

        assertSameResponse(replace.handleRequest(request, TestContext.create()), expected);
        assertThat(inventory.entries.get(SEED.awsInstanceId()).ec2Instance().packages()).containsExactly(
                new InstalledPackage("package-1", "v3"), new InstalledPackage("package-2", "v1"));
    }

    @Test
    void putWithAnEmptyListRemovesEveryPackage() {
        inventory.with(SEED);

        APIGatewayProxyResponseEvent response = replace.handleRequest(new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of("aws_instance_id", SEED.awsInstanceId()))
                .withBody("{\"packages\": []}"), TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"packages\":[]", "\"record_found\":true");
    }

    @ParameterizedTest
    @Event(value = "events/put-ec2-packages.json", type = APIGatewayProxyRequestEvent.class)
    void putOnAnUnknownInstanceIsA404(APIGatewayProxyRequestEvent request) {
        assertError(log, replace.handleRequest(request, TestContext.create()), 404,
                "Instance i-01aaae43feb712345 is not in the inventory");
    }

    @ParameterizedTest
    @Event(value = "events/put-ec2-packages-without-list.json", type = APIGatewayProxyRequestEvent.class)
    void putWithoutTheListIsABadRequest(APIGatewayProxyRequestEvent request) {
        inventory.with(SEED);

        assertError(log, replace.handleRequest(request, TestContext.create()), 400,
                "packages is required: send [] to remove every package");
        assertThat(inventory.entries.get(SEED.awsInstanceId()).ec2Instance()).isEqualTo(SEED);
    }

    @ParameterizedTest
    @Event(value = "events/put-ec2-packages-long-version.json", type = APIGatewayProxyRequestEvent.class)
    void putValidatesEachPackageAsPostDoes(APIGatewayProxyRequestEvent request) {
        inventory.with(SEED);

        assertError(log, replace.handleRequest(request, TestContext.create()), 400,
                "packages[1].package_version must be at most 50 characters");
        assertThat(inventory.entries.get(SEED.awsInstanceId()).ec2Instance()).isEqualTo(SEED);
    }

    @Test
    void putWithMoreThanTheMostPackagesIsABadRequest() {
        StringBuilder body = new StringBuilder("{\"packages\": [");
        for (int i = 0; i <= 1000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"package_name\": \"p").append(i)
                    .append("\", \"package_version\": \"1\"}");
        }
        assertError(log, replace.handleRequest(new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of("aws_instance_id", SEED.awsInstanceId()))
                .withBody(body.append("]}").toString()), TestContext.create()), 400,
                "packages must have at most 1000 items");
    }
}
