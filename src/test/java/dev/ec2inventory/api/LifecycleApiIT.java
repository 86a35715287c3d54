package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.local.lambda.ApiFunctions;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle routes and the state-change function as the local runner builds them ({@link ApiFunctions}),
 * through the Data API emulator, with each route's Data API calls counted by the emulator.
 */
@EmulatedDatabase
class LifecycleApiIT {

    private static final String INSTANCE = "i-01aaae43feb712345";

    private static EmulatedCluster cluster;
    private static Map<String, String> environment;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        environment = cluster.functionEnvironment();
    }

    @Test
    void deleteCostsOneCallAndTakesTheLinksButNotThePackages() {
        post(INSTANCE);
        cluster.reset();

        APIGatewayProxyResponseEvent deleted = handle(DeleteEc2InfoHandler.class, event("delete-ec2-info.json"));

        assertThat(deleted.getBody()).isEqualTo("{\"deleted\":true}");
        assertThat(cluster.calls()).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(1);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2_package")).isZero();
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isEqualTo(4);
        assertThat(handle(DeleteEc2InfoHandler.class, event("delete-ec2-info.json")).getBody())
                .isEqualTo("{\"deleted\":false}");
    }

    @Test
    void putCostsSixCallsInOneTransactionAndGetReadsTheNewList() {
        post(INSTANCE);
        cluster.reset();

        APIGatewayProxyResponseEvent replaced = handle(ReplaceEc2PackagesHandler.class, event("put-ec2-packages.json"));

        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.COMMIT_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls()).isEqualTo(6);
        String read = handle(GetEc2InfoHandler.class, event("get-ec2-info.json")).getBody();
        assertThat(read).isEqualTo(replaced.getBody());
        assertThat(read).contains("{\"package_name\":\"package-1\",\"package_version\":\"v3\"},"
                + "{\"package_name\":\"package-2\",\"package_version\":\"v1\"}]");
    }

    @Test
    void putOnAnUnknownInstanceIsA404AfterThreeCalls() {
        APIGatewayProxyResponseEvent response = handle(ReplaceEc2PackagesHandler.class,
                event("put-ec2-packages.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("Instance i-01aaae43feb712345 is not in the inventory");
        assertThat(cluster.calls(DataApiOperation.ROLLBACK_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls()).isEqualTo(3);
    }

    @Test
    void listingCostsOneCallPerPageAndThePackageLookupOne() throws Exception {
        for (int i = 1; i <= 5; i++) {
            post("i-0" + i);
        }
        cluster.reset();

        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, String> query = token == null ? Map.of("package_name", "package-1", "limit", "2")
                    : Map.of("package_name", "package-1", "limit", "2", "next_token", token);
            JsonNode page = json(handle(ListEc2InfoHandler.class,
                    new APIGatewayProxyRequestEvent().withQueryStringParameters(query)));
            listed.addAll(page.path("records").findValuesAsText("aws_instance_id"));
            token = page.path("next_token").isNull() ? null : page.path("next_token").asText();
            pages++;
        } while (token != null);
        long listingCalls = cluster.calls();
        cluster.reset();
        JsonNode usage = json(handle(GetPackageHandler.class, new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of("package_name", "package-1"))));

        assertThat(listed).containsExactly("i-01", "i-02", "i-03", "i-04", "i-05");
        assertThat(pages).isEqualTo(3);
        assertThat(listingCalls).isEqualTo(3);
        assertThat(cluster.calls()).isEqualTo(1);
        assertThat(usage.path("versions").toString()).isEqualTo("[{\"package_version\":\"v1\",\"instance_count\":5,"
                + "\"instances_link\":\"../ec2?package_name=package-1&package_version=v1\"},"
                + "{\"package_version\":\"v2\",\"instance_count\":5,"
                + "\"instances_link\":\"../ec2?package_name=package-1&package_version=v2\"}]");
    }

    @Test
    void aTerminationEventDeletesTheInstanceInOneCall() {
        post(INSTANCE);
        cluster.reset();
        Ec2StateChangeLambda lambda = ApiFunctions.create(Ec2StateChangeLambda.class, environment);

        Map<String, Object> outcome = lambda.handleRequest(StateChangeEvents.event("terminated"),
                TestContext.create());

        assertThat(outcome).containsEntry("outcome", "deleted");
        assertThat(cluster.calls()).isEqualTo(1);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2")).isZero();
    }

    private static void post(String id) {
        APIGatewayProxyRequestEvent request = event("post-ec2-info.json")
                .withPathParameters(Map.of("aws_instance_id", id));
        assertThat(handle(AddEc2InfoHandler.class, request).getStatusCode()).isEqualTo(200);
    }

    private static APIGatewayProxyResponseEvent handle(Class<? extends InventoryRoute> handler,
            APIGatewayProxyRequestEvent request) {
        return ApiFunctions.create(handler, environment).handleRequest(request, TestContext.create());
    }

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture);
    }

    private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return StrictJson.MAPPER.readTree(response.getBody());
    }
}
