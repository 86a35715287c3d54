package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.inventory.InventoryRepository;
import dev.ec2inventory.local.dataapi.DataApiFault;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a write says it stored is exactly what the database holds and GET returns (issue 8), through both functions
 * as Lambda builds them and the Data API emulator: exact identity, valid text only, the worst case readable, and
 * lock conflicts answered as "retry later", never as a failure.
 */
@EmulatedDatabase
class DataIntegrityApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmulatedCluster cluster;
    private static AddEc2InfoHandler add;
    private static GetEc2InfoHandler get;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        add = new AddEc2InfoHandler(FunctionWiring.from(cluster.functionEnvironment()));
        get = new GetEc2InfoHandler(FunctionWiring.from(cluster.functionEnvironment()));
    }

    /** Each pair used to be one package: POST listed both, GET and the table held one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PyYAML | 6.0 | pyyaml | 6.0",
            "lib | 1.0-RC1 | lib | 1.0-rc1",
            "cafe | 1 | caf\u00e9 | 1",
            "\u00df | 1 | s | 1",
            "\uD83D\uDE00 | 1 | \uD83D\uDE01 | 1"})
    void postGetAndTheTablesAgreeOnEveryPackage(String firstName, String firstVersion, String secondName,
            String secondVersion) throws Exception {
        ArrayNode packages = JSON.createArrayNode();
        packages.addObject().put("package_name", firstName).put("package_version", firstVersion);
        packages.addObject().put("package_name", secondName).put("package_version", secondVersion);

        JsonNode posted = body(add.handleRequest(post("i-pairs", packages), TestContext.create()), 200);
        JsonNode read = body(get.handleRequest(get("i-pairs"), TestContext.create()), 200);

        assertThat(posted.at("/new_record/packages")).isEqualTo(packages);
        assertThat(read.at("/record/packages")).isEqualTo(sortedByCodePoint(packages));
        assertThat(storedLinks()).containsExactlyInAnyOrder(
                List.of("i-pairs", firstName, firstVersion), List.of("i-pairs", secondName, secondVersion));
    }

    @Test
    void instanceIdsDifferingInCaseAreTwoInstances() throws Exception {
        body(add.handleRequest(post("x-CaseId", JSON.createArrayNode()), TestContext.create()), 200);
        body(add.handleRequest(post("x-caseid", JSON.createArrayNode()), TestContext.create()), 200);

        assertThat(body(get.handleRequest(get("X-CASEID"), TestContext.create()), 200).get("record_found").asBoolean())
                .isFalse();
        assertThat(body(get.handleRequest(get("x-CaseId"), TestContext.create()), 200).at("/record/aws_instance_id")
                .asText()).isEqualTo("x-CaseId");
        assertThat(body(add.handleRequest(post("x-CaseId", JSON.createArrayNode()), TestContext.create()), 400)
                .get("error_message").asText()).endsWith(" - Instance x-CaseId is already in the inventory");
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2")).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "us\\ud800" | "1"         | packages[0].package_name must be valid UTF-8 text
            "a\\u0000b" | "1"         | packages[0].package_name must not contain control characters
            "a "         | "1"         | packages[0].package_name must not begin or end with whitespace
            "a"          | "\\u00a01" | packages[0].package_version must not begin or end with whitespace
            """)
    void textTheDatabaseCannotKeepExactlyIsA400NamingTheField(String nameJson, String versionJson, String message)
            throws Exception {
        // JSON escapes as the client writes them: Jackson turns "\\ud800" into a lone surrogate.
        APIGatewayProxyRequestEvent request = post("i-text", JSON.createArrayNode())
                .withBody("{\"aws_region\":\"us-east-1\",\"aws_account\":\"123456789012\",\"packages\":["
                        + "{\"package_name\":" + nameJson + ",\"package_version\":" + versionJson + "}]}");

        JsonNode refused = body(add.handleRequest(request, TestContext.create()), 400);

        assertThat(refused.get("error_message").asText()).endsWith(" - " + message);
        assertThat(cluster.calls()).isZero();
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2")).isZero();
    }

    /**
     * Every field at its limit in 4-byte characters and the most packages: POST answers 200, and GET, one call
     * within the Data API's 1 MiB, reads back what POST reported, field by field.
     */
    @Test
    void theWorstCaseRecordIsReadBackAsPosted() throws Exception {
        String id = emoji(1).repeat(255);
        ArrayNode packages = JSON.createArrayNode();
        IntStream.range(0, 1_000).forEach(i -> packages.addObject()
                .put("package_name", emoji(i) + emoji(0).repeat(99))
                .put("package_version", emoji(i).repeat(50)));
        APIGatewayProxyRequestEvent request = post(id, packages).withBody(JSON.writeValueAsString(
                JSON.createObjectNode().put("aws_region", emoji(2).repeat(30)).put("aws_account", emoji(3).repeat(13))
                        .set("packages", packages)));

        JsonNode posted = body(add.handleRequest(request, TestContext.create()), 200);
        cluster.reset();
        JsonNode read = body(get.handleRequest(get(id), TestContext.create()), 200);

        assertThat(cluster.calls()).isEqualTo(1);
        assertThat(read.at("/record/aws_instance_id").asText()).isEqualTo(id);
        assertThat(read.at("/record/aws_region")).isEqualTo(posted.at("/new_record/aws_region"));
        assertThat(read.at("/record/aws_account")).isEqualTo(posted.at("/new_record/aws_account"));
        assertThat(read.at("/record/packages")).isEqualTo(sortedByCodePoint((ArrayNode) posted.at("/new_record/packages")));
    }

    @Test
    void aPostWhoseTransactionLosesADeadlockOnceSucceeds() throws Exception {
        cluster.emulator.faults().failNthCallFromNow(3, DataApiFault.deadlock());

        body(add.handleRequest(event("post-ec2-info.json"), TestContext.create()), 200);

        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(2);
        assertThat(cluster.calls(DataApiOperation.COMMIT_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2_package")).isEqualTo(4);
    }

    @Test
    void aDeadlockThatPersistsIsA503WithRetryAfter() {
        AddEc2InfoHandler quickAdd =
                new AddEc2InfoHandler(LoggedLines.quiet(new InventoryRepository(cluster.dataApi())));
        int attempts = EmulatedCluster.QUICK_RETRIES.maxAttempts();
        for (int attempt = 0; attempt < attempts; attempt++) {
            // BeginTransaction, the instance's INSERT (the deadlock victim), RollbackTransaction.
            cluster.emulator.faults().failNthCallFromNow(2 + 3 * attempt, DataApiFault.deadlock());
        }

        APIGatewayProxyResponseEvent response = quickAdd.handleRequest(event("post-ec2-info.json"),
                TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "10");
        assertThat(response.getBody()).doesNotContain("Deadlock", "1213", "transaction");
        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(attempts);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2")).isZero();
    }

    private static APIGatewayProxyRequestEvent post(String id, ArrayNode packages) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("aws_region", "us-east-1").put("aws_account", "123456789012");
        body.set("packages", packages);
        return event("post-ec2-info.json").withPathParameters(Map.of("aws_instance_id", id))
                .withBody(JSON.writeValueAsString(body));
    }

    private static APIGatewayProxyRequestEvent get(String id) {
        return event("get-ec2-info.json").withPathParameters(Map.of("aws_instance_id", id));
    }

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture);
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response, int status) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return JSON.readTree(response.getBody());
    }

    /** The order GET lists packages in: name, then version, by Unicode code point. */
    private static ArrayNode sortedByCodePoint(ArrayNode packages) {
        List<JsonNode> sorted = new ArrayList<>();
        packages.forEach(sorted::add);
        sorted.sort((left, right) -> {
            int byName = compareCodePoints(left.get("package_name").asText(), right.get("package_name").asText());
            return byName != 0 ? byName
                    : compareCodePoints(left.get("package_version").asText(), right.get("package_version").asText());
        });
        return JSON.createArrayNode().addAll(sorted);
    }

    private static int compareCodePoints(String left, String right) {
        return Arrays.compare(left.codePoints().toArray(), right.codePoints().toArray());
    }

    private static String emoji(int offset) {
        return Character.toString(0x1F000 + offset);
    }

    private static List<List<String>> storedLinks() throws SQLException {
        List<List<String>> links = new ArrayList<>();
        try (Connection connection = cluster.database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT aws_instance_id, package_name, package_version FROM ec2_package")) {
            while (rows.next()) {
                links.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return links;
    }
}
