package dev.ec2inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiFault;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journeys of every route of the HTTP contract, and every error the local stack can be made to answer, each
 * answer checked against openapi.yaml (status, headers, body). Until the HTTP contract suite checks every answer it
 * receives itself (through {@link OpenApiContract#requireConforms}), this is where the document meets real answers.
 */
class OpenApiResponsesIT {

    private static final String SEED_POST_BODY = """
            {"aws_region": "us-east-1", "aws_account": "123456789012",
             "packages": [{"package_name": "package-1", "package_version": "v1"},
                          {"package_name": "package-1", "package_version": "v2"},
                          {"package_name": "package-2", "package_version": "v1"},
                          {"package_name": "package-3", "package_version": "v1"}]}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalApi api;
    private static OpenApiContract contract;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String instanceId = "i-contract-" + UUID.randomUUID();

    @BeforeAll
    static void startStack() {
        api = LocalApi.start("contract");
        contract = OpenApiContract.forEndpoint(api.endpoint());
    }

    @AfterAll
    static void stopStack() {
        if (api != null) {
            api.close();
        }
    }

    @AfterEach
    void clearFaults() {
        api.stack().emulator().faults().clear();
    }

    @Test
    void addsThenGetsAnInstance() throws Exception {
        assertThat(post("/ec2/" + instanceId, SEED_POST_BODY).statusCode()).isEqualTo(200);
        assertThat(post("/ec2/" + instanceId + "-bare", "{\"aws_region\": \"us-east-1\", \"aws_account\": \"1\"}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> found = get("/ec2/" + instanceId);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"record_found\":true", instanceId);
    }

    @Test
    void saysWhenAnInstanceIsNotThere() throws Exception {
        HttpResponse<String> missing = get("/ec2/" + instanceId);

        assertThat(missing.body()).isEqualTo("{\"record\":{},\"record_found\":false}");
    }

    @Test
    void refusesWrongRequestsWith400() throws Exception {
        post("/ec2/" + instanceId, SEED_POST_BODY);

        assertThat(post("/ec2/" + instanceId, SEED_POST_BODY).statusCode()).as("duplicate").isEqualTo(400);
        assertThat(post("/ec2/i-other", "{\"aws_account\": \"123456789012\"}").statusCode()).isEqualTo(400);
        assertThat(post("/ec2/i-other", "{\"aws_region\": \"us-east-1\", \"aws_account\": \"1\", \"owner\": \"me\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/ec2/i-other", "region=us-east-1").statusCode()).isEqualTo(400);
        assertThat(get("/ec2/" + "i".repeat(256)).statusCode()).as("id longer than its column").isEqualTo(400);
        assertThat(get("/ec2/%20").statusCode()).as("blank id").isEqualTo(400);
    }

    @Test
    void deletesAnInstanceIdempotently() throws Exception {
        post("/ec2/" + instanceId, SEED_POST_BODY);

        assertThat(delete("/ec2/" + instanceId).body()).isEqualTo("{\"deleted\":true}");
        assertThat(delete("/ec2/" + instanceId).body()).isEqualTo("{\"deleted\":false}");
        assertThat(get("/ec2/" + instanceId).body()).contains("\"record_found\":false");
        assertThat(delete("/ec2/%20").statusCode()).as("blank id").isEqualTo(400);
    }

    @Test
    void replacesThePackagesOfAnInstance() throws Exception {
        post("/ec2/" + instanceId, SEED_POST_BODY);

        HttpResponse<String> replaced = put("/ec2/" + instanceId + "/packages",
                "{\"packages\": [{\"package_name\": \"package-1\", \"package_version\": \"v3\"}]}");

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo(get("/ec2/" + instanceId).body())
                .contains("[{\"package_name\":\"package-1\",\"package_version\":\"v3\"}]");
        assertThat(put("/ec2/i-unknown-" + instanceId + "/packages", "{\"packages\": []}").statusCode())
                .isEqualTo(404);
        assertThat(put("/ec2/" + instanceId + "/packages", "{}").statusCode()).isEqualTo(400);
        assertThat(put("/ec2/" + instanceId + "/packages", "{\"packages\": [{\"package_name\": \"p\"}]}")
                .statusCode()).isEqualTo(400);
    }

    /** Three pages of the instances that run a package of this test's own, and every wrong query refused. */
    @Test
    void pagesThroughTheInstancesOfAPackage() throws Exception {
        String name = "pkg-" + instanceId;
        for (int i = 1; i <= 5; i++) {
            post("/ec2/" + instanceId + "-" + i, "{\"aws_region\": \"us-east-1\", \"aws_account\": \"1\", "
                    + "\"packages\": [{\"package_name\": \"" + name + "\", \"package_version\": \"1\"}]}");
        }
        String query = "/ec2?package_name=" + name + "&package_version=1&limit=2";

        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = JSON.readTree(get(query + (token == null ? "" : "&next_token=" + token)).body());
            listed.addAll(page.path("records").findValuesAsText("aws_instance_id"));
            token = page.path("next_token").isNull() ? null : page.path("next_token").asText();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactly(instanceId + "-1", instanceId + "-2", instanceId + "-3",
                instanceId + "-4", instanceId + "-5");
        String firstToken = JSON.readTree(get(query).body()).path("next_token").asText();
        for (String wrong : List.of("/ec2?limit=0", "/ec2?limit=1001", "/ec2?limit=ten", "/ec2?next_token=garbled",
                "/ec2?package_version=1", "/ec2?package_name=other&limit=2&next_token=" + firstToken)) {
            assertThat(get(wrong).statusCode()).as(wrong).isEqualTo(400);
        }
        assertThat(get("/ec2?aws_account=nobody").body()).isEqualTo("{\"records\":[],\"next_token\":null}");
    }

    /**
     * npm's {@code @scope/name}: the client percent-encodes the name as one path segment ({@code %40scope%2Fname}),
     * the gateway decodes it into the path parameter, and the answer's links lead to the instances.
     */
    @Test
    void findsWhoRunsAPackageWhoseNameHoldsASlash() throws Exception {
        String name = "@scope-" + instanceId + "/name";
        post("/ec2/" + instanceId, "{\"aws_region\": \"us-east-1\", \"aws_account\": \"1\", \"packages\": "
                + "[{\"package_name\": \"" + name + "\", \"package_version\": \"1.0.0+b 1\"}]}");
        URI packageUri = uri("/packages/" + URLEncoder.encode(name, StandardCharsets.UTF_8));

        HttpResponse<String> usage = send(HttpRequest.newBuilder(packageUri).GET());
        JsonNode version = JSON.readTree(usage.body()).path("versions").get(0);
        HttpResponse<String> instances = send(HttpRequest.newBuilder(
                packageUri.resolve(version.path("instances_link").asText())).GET());

        assertThat(usage.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(usage.body()).path("package_name").asText()).isEqualTo(name);
        assertThat(version.path("package_version").asText()).isEqualTo("1.0.0+b 1");
        assertThat(version.path("instance_count").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(instances.body()).path("records").findValuesAsText("aws_instance_id"))
                .containsExactly(instanceId);
        assertThat(get("/packages/never-" + instanceId).body()).isEqualTo("{\"package_name\":\"never-"
                + instanceId + "\",\"versions\":[],\"truncated\":false}");
    }

    /**
     * API Gateway's 413, before the function runs. Its 403 is not here: the local gateway has no authorization, so
     * it answers 403 only to paths the document does not have; against a stage, an unsigned request shows it.
     */
    @Test
    void answersAsApiGatewayDoesToABodyOverItsLimit() throws Exception {
        assertThat(post("/ec2/" + instanceId, "{\"aws_region\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}")
                .statusCode()).isEqualTo(413);
    }

    @Test
    void answers503WithRetryAfterWhenTheDatabaseIsUnavailable() throws Exception {
        api.stack().emulator().faults().failNext(1, DataApiFault.of(DataApiErrorType.DATABASE_UNAVAILABLE, "paused"));

        HttpResponse<String> unavailable = get("/ec2/" + instanceId);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void answers500WithNothingInternalWhenTheDataApiFails() throws Exception {
        api.stack().emulator().faults().failNext(1, DataApiFault.of(DataApiErrorType.INTERNAL_SERVER_ERROR, "boom"));

        HttpResponse<String> failed = get("/ec2/" + instanceId);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("boom", "Exception");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Every answer goes through the contract check: one that the document does not allow fails the test. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return contract.requireConforms(http.send(request.build(), BodyHandlers.ofString()));
    }

    private static URI uri(String path) {
        return URI.create(api.endpoint() + path);
    }
}
