package dev.ec2inventory.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.db.JdbcLocation;
import dev.ec2inventory.local.stack.LocalStackOptions.Scope;
import dev.ec2inventory.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local stack of template.yaml, called over real HTTP on random ports: what the stack itself does (path
 * decoding, unknown routes, restarts, logs, migrations, its own Data API). The API's journeys over HTTP are the
 * contract suite's ({@code contract.HttpContractIT}), which runs against this stack too.
 */
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_POST_BODY = """
            {
                "aws_region": "us-east-1",
                "aws_account": "123456789012",
                "packages": [
                    {"package_name": "package-1", "package_version": "v1"},
                    {"package_name": "package-1", "package_version": "v2"},
                    {"package_name": "package-2", "package_version": "v1"},
                    {"package_name": "package-3", "package_version": "v1"}
                ]
            }""";

    private static TestDatabase database;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> console = new CopyOnWriteArrayList<>();
    private LocalStack stack;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.empty("runner");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @AfterEach
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
        database.deleteInventoryRows();
    }

    @Test
    void decodesUrlEncodedPathParametersBeforeTheFunctionSeesThem() throws Exception {
        stack = start();

        assertThat(post("/ec2/instance%2D002", SEED_POST_BODY).statusCode()).isEqualTo(200);

        JsonNode found = JSON.readTree(get("/ec2/instance-002").body());
        assertThat(found.get("record").get("aws_instance_id").asText()).isEqualTo("instance-002");
    }

    @Test
    void answersUnknownRoutesAsApiGatewayDoes() throws Exception {
        stack = start();

        HttpResponse<String> response = get("/instances");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void keepsDataAcrossAStopAndAStart() throws Exception {
        stack = start();
        assertThat(post("/ec2/i-survivor", SEED_POST_BODY).statusCode()).isEqualTo(200);
        stack.close();

        stack = start();

        JsonNode found = JSON.readTree(get("/ec2/i-survivor").body());
        assertThat(found.get("record_found").asBoolean()).isTrue();
        assertThat(appliedMigrations()).as("migrations are applied once, not on every start").isEqualTo(2);
    }

    @Test
    void showsWhatTheFunctionsLogOnItsConsole() throws Exception {
        stack = start();

        post("/ec2/i-logged", "{\"aws_account\": \"123456789012\"}");

        assertThat(console).anyMatch(line -> line.startsWith("[lambda] {") && line.contains("aws_region"));
    }

    @Test
    void migratesAFreshDatabaseThroughItsOwnDataApi() throws Exception {
        try (TestDatabase fresh = TestDatabase.empty("runner_fresh");
                LocalStack freshStack = start(fresh, Scope.DATA_API)) {

            assertThat(freshStack.emulator().calls().count(DataApiOperation.BEGIN_TRANSACTION))
                    .as("the migration function runs every statement on its own, as AWS recommends for DDL").isZero();
            assertThat(console).anySatisfy(line -> assertThat(line).contains("with SchemaMigrationFunction"))
                    .anySatisfy(line -> assertThat(line).contains("applying V1__create_inventory_tables.sql"))
                    .anySatisfy(line -> assertThat(line).contains("applying V2__exact_text_identity.sql"))
                    .anySatisfy(line -> assertThat(line).contains("applied 2 migrations")
                            .contains("the schema is at version 2"))
                    .anySatisfy(line -> assertThat(line).contains("application user "
                            + LocalCluster.applicationUserName(fresh.name()) + ": created"));
            assertThat(appliedMigrations(fresh)).isEqualTo(2);
        }
    }

    @Test
    void givesEachFunctionTheSecretTheTemplateGivesIt() {
        stack = start();

        assertThat(stack.functions()).hasSize(8).allSatisfy(function -> assertThat(
                function.environment().get("DB_CRED_SECRETS_STORE_ARN")).as(function.definition().logicalId())
                .isEqualTo(function.definition().logicalId().equals("SchemaMigrationFunction")
                        ? LocalCluster.SECRET_ARN : LocalCluster.APP_SECRET_ARN));
    }

    @Test
    void pointsTheFunctionsAtItsOwnDataApi() throws Exception {
        stack = start();

        get("/ec2/i-nothing-here");

        assertThat(stack.emulator().calls().total()).isPositive();
    }

    private LocalStack start() {
        return start(database, Scope.API);
    }

    private LocalStack start(TestDatabase on, Scope scope) {
        DatabaseSource source = new DatabaseSource.External(new JdbcLocation(on.server(), on.name()));
        return LocalStack.start(new LocalStackOptions(Path.of("template.yaml"), source, 0, 0, scope, console::add));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(stack.apiEndpoint().orElseThrow() + path);
    }

    private static int appliedMigrations() throws SQLException {
        return appliedMigrations(database);
    }

    private static int appliedMigrations(TestDatabase in) throws SQLException {
        try (Connection connection = in.connect();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
