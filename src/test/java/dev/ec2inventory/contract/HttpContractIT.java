package dev.ec2inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.local.db.JdbcLocation;
import dev.ec2inventory.local.stack.DatabaseSource;
import dev.ec2inventory.local.stack.LocalStack;
import dev.ec2inventory.local.stack.LocalStackOptions;
import dev.ec2inventory.local.stack.LocalStackOptions.Scope;
import dev.ec2inventory.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's contract over HTTP, the one suite of the API's journeys at this level (POST then GET, an unknown
 * instance, a duplicate, a wrong field). It runs, unchanged, against a deployed stage when API_ENDPOINT is set
 * (tests/run_tests.sh sets it from the stack's ApiEndpoint output, and API_AUTH=AWS_IAM makes it sign with SigV4),
 * and otherwise against the local stack of template.yaml, started here on random ports. Every run uses instance ids
 * of its own, so it can run against a stage that already holds data; a deployed stage keeps the rows it writes, as
 * the seed's tests did.
 */
class HttpContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR_MESSAGE = "\\(error_code: [0-9a-f-]{36}\\) - .+";

    private static TestDatabase localDatabase;
    private static LocalStack localStack;
    private static ApiClient api;

    private final String instanceId = "i-it-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        String endpoint = System.getenv("API_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
            api = "NONE".equals(System.getenv("API_AUTH"))
                    ? ApiClient.unsigned(URI.create(endpoint))
                    : ApiClient.signedFor(URI.create(endpoint), region);
            System.out.println("[HttpContractIT] against " + endpoint);
            return;
        }
        localDatabase = TestDatabase.empty("http");
        DatabaseSource source = new DatabaseSource.External(new JdbcLocation(localDatabase.server(), localDatabase.name()));
        localStack = LocalStack.start(new LocalStackOptions(Path.of("template.yaml"), source, 0, 0, Scope.API,
                line -> { }));
        api = ApiClient.unsigned(localStack.apiEndpoint().orElseThrow());
        System.out.println("[HttpContractIT] against the local stack; set API_ENDPOINT to test a deployed stage");
    }

    @AfterAll
    static void disconnect() {
        if (localStack != null) {
            localStack.close();
            localDatabase.close();
        }
    }

    @Test
    void addsAnInstanceAndReturnsWhatItStored() throws Exception {
        HttpResponse<String> response = api.post("/ec2/" + instanceId, """
                {"aws_region": "us-east-1", "aws_account": "123456789012",
                 "packages": [{"package_name": "package-1", "package_version": "v1"},
                              {"package_name": "package-2", "package_version": "v1"}]}""");

        assertJson(response, 200);
        assertThat(response.body()).isEqualTo("{\"new_record\":{\"aws_account\":\"123456789012\","
                + "\"aws_region\":\"us-east-1\",\"packages\":[{\"package_name\":\"package-1\",\"package_version\":\"v1\"},"
                + "{\"package_name\":\"package-2\",\"package_version\":\"v1\"}]}}");
    }

    @Test
    void getsAnInstanceWithItsPackages() throws Exception {
        api.post("/ec2/" + instanceId, """
                {"aws_region": "eu-west-1", "aws_account": "210987654321",
                 "packages": [{"package_name": "openssl", "package_version": "3.0.13"}]}""");

        HttpResponse<String> response = api.get("/ec2/" + instanceId);

        assertJson(response, 200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("record_found").asBoolean()).isTrue();
        JsonNode record = body.get("record");
        assertThat(record.get("aws_instance_id").asText()).isEqualTo(instanceId);
        assertThat(record.get("aws_region").asText()).isEqualTo("eu-west-1");
        assertThat(record.get("aws_account").asText()).isEqualTo("210987654321");
        assertThat(record.get("creation_date_utc").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.0");
        assertThat(record.get("packages").toString())
                .isEqualTo("[{\"package_name\":\"openssl\",\"package_version\":\"3.0.13\"}]");
    }

    @Test
    void saysWhenAnInstanceIsNotInTheInventory() throws Exception {
        HttpResponse<String> response = api.get("/ec2/" + instanceId);

        assertJson(response, 200);
        assertThat(response.body()).isEqualTo("{\"record\":{},\"record_found\":false}");
    }

    @Test
    void refusesASecondAddOfTheSameInstance() throws Exception {
        String body = "{\"aws_region\": \"us-east-1\", \"aws_account\": \"123456789012\"}";
        assertJson(api.post("/ec2/" + instanceId, body), 200);

        HttpResponse<String> again = api.post("/ec2/" + instanceId, body);

        assertJson(again, 400);
        assertThat(errorMessage(again)).matches(ERROR_MESSAGE).contains(instanceId);
    }

    @Test
    void namesTheFieldThatIsWrong() throws Exception {
        HttpResponse<String> missingRegion = api.post("/ec2/" + instanceId, "{\"aws_account\": \"123456789012\"}");
        HttpResponse<String> unknownField = api.post("/ec2/" + instanceId,
                "{\"aws_region\": \"us-east-1\", \"aws_account\": \"123456789012\", \"owner\": \"me\"}");
        HttpResponse<String> notJson = api.post("/ec2/" + instanceId, "region=us-east-1");

        for (HttpResponse<String> response : List.of(missingRegion, unknownField, notJson)) {
            assertJson(response, 400);
            assertThat(errorMessage(response)).matches(ERROR_MESSAGE);
        }
        assertThat(errorMessage(missingRegion)).contains("aws_region");
        assertThat(errorMessage(unknownField)).contains("owner");
        assertThat(api.get("/ec2/" + instanceId).body()).as("nothing was written").contains("\"record_found\":false");
    }

    @Test
    void replacesThePackagesThenDeletesTheInstance() throws Exception {
        api.post("/ec2/" + instanceId, "{\"aws_region\": \"us-east-1\", \"aws_account\": \"123456789012\", "
                + "\"packages\": [{\"package_name\": \"openssl\", \"package_version\": \"1.1.1\"}]}");

        HttpResponse<String> replaced = api.put("/ec2/" + instanceId + "/packages",
                "{\"packages\": [{\"package_name\": \"openssl\", \"package_version\": \"3.0.13\"}]}");
        HttpResponse<String> read = api.get("/ec2/" + instanceId);
        HttpResponse<String> deleted = api.delete("/ec2/" + instanceId);
        HttpResponse<String> deletedAgain = api.delete("/ec2/" + instanceId);

        assertJson(replaced, 200);
        assertThat(replaced.body()).isEqualTo(read.body())
                .contains("[{\"package_name\":\"openssl\",\"package_version\":\"3.0.13\"}]");
        assertThat(deleted.body()).isEqualTo("{\"deleted\":true}");
        assertThat(deletedAgain.body()).isEqualTo("{\"deleted\":false}");
        assertJson(api.put("/ec2/" + instanceId + "/packages", "{\"packages\": []}"), 404);
    }

    /** A package of this run's own, whose npm-style name holds a slash: found by version, then listed by page. */
    @Test
    void findsWhoRunsAPackageAndPagesThroughThem() throws Exception {
        String name = "@it-" + instanceId + "/pkg";
        for (int i = 1; i <= 3; i++) {
            api.post("/ec2/" + instanceId + "-" + i, "{\"aws_region\": \"us-east-1\", \"aws_account\": \"1\", "
                    + "\"packages\": [{\"package_name\": \"" + name + "\", \"package_version\": \"1\"}]}");
        }

        HttpResponse<String> usage = api.get("/packages/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        JsonNode version = JSON.readTree(usage.body()).get("versions").get(0);
        String link = version.get("instances_link").asText();
        JsonNode first = JSON.readTree(api.get(link.substring("..".length()) + "&limit=2").body());
        JsonNode second = JSON.readTree(api.get(link.substring("..".length()) + "&limit=2&next_token="
                + first.get("next_token").asText()).body());

        assertJson(usage, 200);
        assertThat(version.get("instance_count").asInt()).isEqualTo(3);
        assertThat(first.get("records").findValuesAsText("aws_instance_id"))
                .containsExactly(instanceId + "-1", instanceId + "-2");
        assertThat(second.get("records").findValuesAsText("aws_instance_id")).containsExactly(instanceId + "-3");
        assertThat(second.get("next_token").isNull()).isTrue();
        assertJson(api.get("/ec2?limit=0"), 400);
        assertJson(api.get(link.substring("..".length()) + "&next_token=garbled"), 400);
    }

    private static void assertJson(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    private static String errorMessage(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).get("error_message").asText();
    }
}
