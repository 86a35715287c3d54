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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a write says it stored is exactly what the database holds and GET returns (issue 8), through both functions
 * as Lambda builds them and the Data API emulator: valid text only, and lock conflicts answered as "retry later",
 * never as a failure. Exact identity, the worst case and a deadlock's rerun are InventoryRepositoryIT's.
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
