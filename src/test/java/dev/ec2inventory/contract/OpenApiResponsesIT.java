package dev.ec2inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiFault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The POST and GET journeys of the HTTP contract, and every error the local stack can be made to answer, each
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

    /** Every answer goes through the contract check: one that the document does not allow fails the test. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return contract.requireConforms(http.send(request.build(), BodyHandlers.ofString()));
    }

    private static URI uri(String path) {
        return URI.create(api.endpoint() + path);
    }
}
