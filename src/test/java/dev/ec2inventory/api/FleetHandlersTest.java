package dev.ec2inventory.api;

import static dev.ec2inventory.api.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** GET /ec2 and GET /packages/{package_name}, over the in-memory inventory. */
class FleetHandlersTest {

    private static final InstalledPackage ONE_V1 = new InstalledPackage("package-1", "v1");
    private static final InstalledPackage ONE_V2 = new InstalledPackage("package-1", "v2");

    private final InMemoryInventory inventory = new InMemoryInventory();
    private final LoggedLines log = new LoggedLines();
    private final FunctionWiring wiring = log.wiring(inventory, LogLevel.INFO);
    private final ListEc2InfoHandler list = new ListEc2InfoHandler(wiring);
    private final GetPackageHandler getPackage = new GetPackageHandler(wiring);

    @ParameterizedTest
    @Event(value = "events/list-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void listsTheMatchingRecordsAPageAtATime(APIGatewayProxyRequestEvent request) throws Exception {
        inventory.with(instance("i-3", ONE_V1)).with(instance("i-1", ONE_V1, ONE_V2)).with(instance("i-2", ONE_V2))
                .with(instance("i-4", ONE_V1));

        JsonNode first = json(list.handleRequest(request, TestContext.create()));
        APIGatewayProxyRequestEvent next = request.withQueryStringParameters(Map.of("package_name", "package-1",
                "package_version", "v1", "limit", "2", "next_token", first.path("next_token").asText()));
        next.setMultiValueQueryStringParameters(null);
        JsonNode second = json(list.handleRequest(next, TestContext.create()));

        assertThat(first.path("records").findValuesAsText("aws_instance_id")).containsExactly("i-1", "i-3");
        assertThat(first.path("records").get(0).toString()).isEqualTo("{\"aws_instance_id\":\"i-1\","
                + "\"aws_region\":\"us-east-1\",\"aws_account\":\"123456789012\",\"creation_date_utc\":"
                + "\"2019-03-06 02:45:32.0\",\"packages\":[{\"package_name\":\"package-1\",\"package_version\":\"v1\"},"
                + "{\"package_name\":\"package-1\",\"package_version\":\"v2\"}]}");
        assertThat(second.path("records").findValuesAsText("aws_instance_id")).containsExactly("i-4");
        assertThat(second.path("next_token").isNull()).isTrue();
    }

    @Test
    void anEmptyFleetIsAnEmptyLastPage() {
        APIGatewayProxyResponseEvent response = list.handleRequest(new APIGatewayProxyRequestEvent(),
                TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"records\":[],\"next_token\":null}");
    }

    @ParameterizedTest
    @Event(value = "events/list-ec2-info-limit-zero.json", type = APIGatewayProxyRequestEvent.class)
    void aLimitOfZeroIsABadRequest(APIGatewayProxyRequestEvent request) {
        assertError(log, list.handleRequest(request, TestContext.create()), 400, "limit must be between 1 and 1000");
    }

    @ParameterizedTest
    @Event(value = "events/list-ec2-info-version-without-name.json", type = APIGatewayProxyRequestEvent.class)
    void aVersionWithoutANameIsABadRequest(APIGatewayProxyRequestEvent request) {
        assertError(log, list.handleRequest(request, TestContext.create()), 400,
                "package_version needs package_name: a version belongs to a package");
    }

    @Test
    void badLimitsAndTokensAreBadRequestsNamingTheParameter() {
        assertError(log, list.handleRequest(query(Map.of("limit", "1001")), TestContext.create()), 400,
                "limit must be between 1 and 1000");
        assertError(log, list.handleRequest(query(Map.of("limit", "ten")), TestContext.create()), 400,
                "limit must be a whole number between 1 and 1000");
        assertError(log, list.handleRequest(query(Map.of("next_token", "garbled")), TestContext.create()), 400,
                "next_token is not a token this API issued: pass next_token exactly as a page returned it");
    }

    @Test
    void aTokenUsedWithOtherFiltersIsABadRequest() throws Exception {
        inventory.with(instance("i-1", ONE_V1)).with(instance("i-2", ONE_V1));
        String token = json(list.handleRequest(query(Map.of("limit", "1")), TestContext.create()))
                .path("next_token").asText();

        assertError(log, list.handleRequest(query(Map.of("aws_region", "us-east-1", "next_token", token)),
                TestContext.create()), 400, "next_token belongs to a listing with other filters: repeat the "
                + "filters of the request that returned it, or start again without next_token");
    }

    @ParameterizedTest
    @Event(value = "events/get-package-npm-scoped.json", type = APIGatewayProxyRequestEvent.class)
    void aPackageLookupCountsInstancesPerVersionAndLinksToThem(APIGatewayProxyRequestEvent request) {
        InstalledPackage node18 = new InstalledPackage("@types/node", "18.0.0");
        InstalledPackage node20 = new InstalledPackage("@types/node", "20.1.0+b 1");
        inventory.with(instance("i-1", node18)).with(instance("i-2", node20, ONE_V1)).with(instance("i-3", node20));

        APIGatewayProxyResponseEvent response = getPackage.handleRequest(request, TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"package_name\":\"@types/node\",\"versions\":["
                + "{\"package_version\":\"18.0.0\",\"instance_count\":1,\"instances_link\":"
                + "\"../ec2?package_name=%40types%2Fnode&package_version=18.0.0\"},"
                + "{\"package_version\":\"20.1.0+b 1\",\"instance_count\":2,\"instances_link\":"
                + "\"../ec2?package_name=%40types%2Fnode&package_version=20.1.0%2Bb%201\"}],\"truncated\":false}");
    }

    @ParameterizedTest
    @Event(value = "events/get-package-npm-scoped.json", type = APIGatewayProxyRequestEvent.class)
    void anUnknownPackageHasNoVersions(APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent response = getPackage.handleRequest(request, TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .isEqualTo("{\"package_name\":\"@types/node\",\"versions\":[],\"truncated\":false}");
    }

    @ParameterizedTest
    @Event(value = "events/get-package-blank.json", type = APIGatewayProxyRequestEvent.class)
    void aBlankPackageNameIsABadRequest(APIGatewayProxyRequestEvent request) {
        assertError(log, getPackage.handleRequest(request, TestContext.create()), 400,
                "package_name must not be blank");
        assertError(log, getPackage.handleRequest(new APIGatewayProxyRequestEvent(), TestContext.create()), 400,
                "package_name is required in the path: /packages/{package_name}");
    }

    private static APIGatewayProxyRequestEvent query(Map<String, String> parameters) {
        return new APIGatewayProxyRequestEvent().withQueryStringParameters(parameters);
    }

    private static Ec2Instance instance(String id, InstalledPackage... packages) {
        return new Ec2Instance(id, "us-east-1", "123456789012", List.of(packages));
    }

    private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return StrictJson.MAPPER.readTree(response.getBody());
    }
}
