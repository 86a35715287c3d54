package dev.ec2inventory.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.local.cfn.ResponseCapture;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiFault;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.migration.MigrationRun.Answer;
import dev.ec2inventory.testing.TestDatabase;
import dev.ec2inventory.testing.TestDatabaseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migration function as CloudFormation drives it, through the real SDK against the emulator, checking what it
 * PUTs to the ResponseURL. Every case runs under both readings of what the service does with an implicit commit
 * inside a Data API transaction: the function must depend on neither.
 */
class SchemaMigrationFunctionIT {

    /** The emulator's two readings of the undocumented behaviour. */
    enum Reading { TRANSACTION_GOES_ON, IMPLICIT_COMMIT_ENDS_TRANSACTION }

    static final String PACKAGED = SchemaMigration.LOCATION;
    private static final Map<Reading, DataApiEmulator> EMULATORS = new EnumMap<>(Reading.class);
    private static ResponseCapture capture;

    @BeforeAll
    static void start() {
        for (Reading reading : Reading.values()) {
            EMULATORS.put(reading, DataApiEmulator.builder().cluster(LocalCluster.on(TestDatabaseServer.shared()))
                    .implicitCommitEndsTransaction(reading == Reading.IMPLICIT_COMMIT_ENDS_TRANSACTION).start());
        }
        capture = ResponseCapture.start();
    }

    @AfterAll
    static void stop() {
        EMULATORS.values().forEach(DataApiEmulator::close);
        capture.close();
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void createOnAnEmptyDatabaseMigratesIt(Reading reading) throws SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_create")) {
            Answer answer = run(reading, database, PACKAGED, "Create", null);

            assertThat(answer.status()).as(answer.reason()).isEqualTo("SUCCESS");
            assertThat(answer.physicalResourceId()).isEqualTo("ec2-inventory-local/" + database.name());
            assertThat(answer.data().path("SchemaVersion").asText()).isEqualTo("2");
            assertThat(answer.data().path("MigrationsApplied").asInt()).isEqualTo(2);
            assertThat(tables(database)).contains("ec2", "package", "ec2_package", "flyway_schema_history");
            assertThat(history(database)).containsExactly("1 true", "2 true");
        }
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void aSecondCreateAndAnUpdateWithNothingNewChangeNothing(Reading reading) throws SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_noop")) {
            String id = run(reading, database, PACKAGED, "Create", null).physicalResourceId();
            List<String> history = historyRows(database);

            Answer again = run(reading, database, PACKAGED, "Create", null);
            Answer update = run(reading, database, PACKAGED, "Update", id);

            assertThat(again.status()).as(again.reason()).isEqualTo("SUCCESS");
            assertThat(again.physicalResourceId()).isEqualTo(id);
            assertThat(again.data().path("MigrationsApplied").asInt()).isZero();
            assertThat(update.status()).as(update.reason()).isEqualTo("SUCCESS");
            assertThat(update.physicalResourceId()).isEqualTo(id);
            assertThat(update.data().path("MigrationsApplied").asInt()).isZero();
            assertThat(historyRows(database)).isEqualTo(history);
        }
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void anUpdateThatAddsAMigrationAppliesOnlyThatOne(Reading reading, @TempDir Path migrations)
            throws IOException, SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_add")) {
            String id = run(reading, database, PACKAGED, "Create", null).physicalResourceId();
            List<String> before = historyRows(database);
            copyPackagedMigrations(migrations);
            Files.writeString(migrations.resolve("V3__instance_note.sql"),
                    "ALTER TABLE ec2 ADD COLUMN note VARCHAR(40) NULL;\nCREATE INDEX ix_ec2_note ON ec2 (note);\n");

            Answer update = run(reading, database, "filesystem:" + migrations, "Update", id);

            assertThat(update.status()).as(update.reason()).isEqualTo("SUCCESS");
            assertThat(update.physicalResourceId()).isEqualTo(id);
            assertThat(update.data().path("MigrationsApplied").asInt()).isEqualTo(1);
            assertThat(update.data().path("SchemaVersion").asText()).isEqualTo("3");
            assertThat(historyRows(database)).startsWith(before.toArray(String[]::new)).hasSize(3);
            assertThat(history(database)).containsExactly("1 true", "2 true", "3 true");
            assertThat(update.log()).anyMatch(line -> line.contains("applying V3__instance_note.sql"))
                    .noneMatch(line -> line.contains("applying V1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void anUpdateWithAnEditedAppliedMigrationFailsAndChangesNothing(Reading reading, @TempDir Path migrations)
            throws IOException, SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_edited")) {
            String id = run(reading, database, PACKAGED, "Create", null).physicalResourceId();
            List<String> history = historyRows(database);
            List<String> columns = columns(database);
            copyPackagedMigrations(migrations);
            Path v1 = migrations.resolve("V1__create_inventory_tables.sql");
            Files.writeString(v1, Files.readString(v1).replace("VARCHAR(30)", "VARCHAR(31)"));

            Answer update = run(reading, database, "filesystem:" + migrations, "Update", id);

            assertThat(update.status()).isEqualTo("FAILED");
            assertThat(update.physicalResourceId()).isEqualTo(id);
            assertThat(update.reason()).contains("Validate failed").contains("checksum mismatch")
                    .contains("migration version 1").doesNotContain("arn:")
                    .endsWith("stream local, request " + update.awsRequestId() + ".");
            assertThat(update.log()).anyMatch(line -> line.contains("failed") && line.contains("checksum mismatch"));
            assertThat(historyRows(database)).isEqualTo(history);
            assertThat(columns(database)).isEqualTo(columns);
        }
    }

    /**
     * A failed update rolls the stack back, and CloudFormation then sends an Update with the old properties to the old
     * code, which lacks the failed migration. That Update must succeed, or the stack ends in UPDATE_ROLLBACK_FAILED:
     * the database is ahead of the code, which Flyway accepts (future migrations are ignored), and nothing is undone.
     */
    @ParameterizedTest
    @EnumSource(Reading.class)
    void theRollbackAfterAFailedMigrationSucceedsAndLeavesTheHistoryAsItIs(Reading reading, @TempDir Path migrations)
            throws IOException, SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_rollback")) {
            String id = run(reading, database, PACKAGED, "Create", null).physicalResourceId();
            copyPackagedMigrations(migrations);
            Files.writeString(migrations.resolve("V3__broken.sql"),
                    "ALTER TABLE ec2 ADD COLUMN note VARCHAR(40) NULL;\nALTER TABLE no_such_table ADD COLUMN x INT;\n");
            Answer failed = run(reading, database, "filesystem:" + migrations, "Update", id);
            List<String> history = historyRows(database);

            Answer rollback = run(reading, database, PACKAGED, "Update", id);

            assertThat(failed.status()).isEqualTo("FAILED");
            assertThat(failed.reason()).startsWith("V3__broken.sql failed at statement 2 (line 2): MySQL error 1146")
                    .contains("; 1 statement of it stays applied.").doesNotContain("no_such_table");
            assertThat(failed.log()).anyMatch(line -> line.contains("no_such_table"));
            assertThat(rollback.status()).as(rollback.reason()).isEqualTo("SUCCESS");
            assertThat(rollback.physicalResourceId()).isEqualTo(id);
            assertThat(historyRows(database)).isEqualTo(history);
            assertThat(history(database)).containsExactly("1 true", "2 true", "3 false");
        }
    }

    /**
     * MySQL's message quotes the duplicate value. Anyone allowed to read the stack's events reads the reason, so it
     * names where and what failed, and only the function's log has MySQL's words.
     */
    @ParameterizedTest
    @EnumSource(Reading.class)
    void aFailedStatementsReasonHoldsNoValueFromTheDatabase(Reading reading, @TempDir Path migrations)
            throws IOException, SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_duplicate")) {
            Files.writeString(migrations.resolve("V1__create_customer.sql"), "CREATE TABLE customer (id INT NOT NULL "
                    + "AUTO_INCREMENT PRIMARY KEY, card_ref VARCHAR(40) NOT NULL,\n"
                    + "    CONSTRAINT uk_customer_card_ref UNIQUE (card_ref));\n");
            Files.writeString(migrations.resolve("V2__seed_customer.sql"),
                    "INSERT INTO customer (card_ref) VALUES ('customer-4111-secret');\n"
                            + "INSERT INTO customer (card_ref) VALUES ('customer-4111-secret');\n");

            Answer failed = run(reading, database, "filesystem:" + migrations, "Create", null);

            assertThat(failed.status()).isEqualTo("FAILED");
            assertThat(failed.reason()).startsWith("V2__seed_customer.sql failed at statement 2 (line 2): MySQL error "
                    + "1062").contains("; 1 statement of it stays applied.")
                    .endsWith("Full message in the function's log: group /aws/lambda/SchemaMigrationFunction, "
                            + "stream local, request " + failed.awsRequestId() + ".")
                    .doesNotContain("customer-4111-secret").doesNotContainIgnoringCase("insert");
            assertThat(failed.log()).anyMatch(line -> line.contains(failed.awsRequestId())
                    && line.contains("Duplicate entry 'customer-4111-secret'") && line.contains("Line       : 2"));
            assertThat(history(database)).containsExactly("1 true", "2 false");
            assertThat(count(database, "SELECT COUNT(*) FROM customer")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void deleteSucceedsAndLeavesEveryTableAndRow(Reading reading) throws SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_delete")) {
            String id = run(reading, database, PACKAGED, "Create", null).physicalResourceId();
            execute(database, "INSERT INTO ec2 (aws_instance_id, aws_region, aws_account) VALUES "
                    + "('i-kept', 'us-east-1', '123456789012')");
            long callsBefore = EMULATORS.get(reading).calls().total();

            Answer delete = run(reading, database, PACKAGED, "Delete", id);

            assertThat(delete.status()).isEqualTo("SUCCESS");
            assertThat(delete.physicalResourceId()).isEqualTo(id);
            assertThat(EMULATORS.get(reading).calls().total()).as("Delete calls nothing").isEqualTo(callsBefore);
            assertThat(tables(database)).contains("ec2", "package", "ec2_package", "flyway_schema_history");
            assertThat(count(database, "SELECT COUNT(*) FROM ec2 WHERE aws_instance_id = 'i-kept'")).isEqualTo(1);
            assertThat(history(database)).containsExactly("1 true", "2 true");
        }
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void waitsOutADatabaseThatIsResuming(Reading reading) throws SQLException {
        DataApiEmulator emulator = EMULATORS.get(reading);
        try (TestDatabase database = TestDatabase.empty("cfn_resume")) {
            emulator.faults().failNext(4, DataApiFault.of(DataApiErrorType.DATABASE_RESUMING,
                    "The Aurora DB instance db-LOCAL is resuming after being auto-paused. Please wait a few seconds "
                            + "and try again."));

            Answer answer = run(reading, database, PACKAGED, "Create", null);

            assertThat(answer.status()).as(answer.reason()).isEqualTo("SUCCESS");
            assertThat(history(database)).containsExactly("1 true", "2 true");
        } finally {
            emulator.faults().clear();
        }
    }

    private static Answer run(Reading reading, TestDatabase database, String location, String requestType,
            String physicalResourceId) {
        return MigrationRun.invoke(EMULATORS.get(reading), database, location, requestType, physicalResourceId,
                capture);
    }

    static void copyPackagedMigrations(Path target) throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("db", "migration"))) {
            for (Path script : scripts.toList()) {
                Files.copy(script, target.resolve(script.getFileName()));
            }
        }
    }

    /** "version success" per history row, in order. */
    static List<String> history(TestDatabase database) throws SQLException {
        return strings(database, "SELECT CONCAT(version, ' ', IF(success, 'true', 'false')) FROM flyway_schema_history "
                + "ORDER BY installed_rank");
    }

    static List<String> historyRows(TestDatabase database) throws SQLException {
        return strings(database, "SELECT CONCAT_WS('|', installed_rank, version, script, checksum, installed_on, "
                + "success) FROM flyway_schema_history ORDER BY installed_rank");
    }

    static List<String> tables(TestDatabase database) throws SQLException {
        return strings(database, "SHOW TABLES");
    }

    static List<String> columns(TestDatabase database) throws SQLException {
        return strings(database, "SELECT CONCAT_WS(' ', table_name, column_name, column_type, collation_name) FROM "
                + "information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position");
    }

    static long count(TestDatabase database, String query) throws SQLException {
        return Long.parseLong(strings(database, query).get(0));
    }

    static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static List<String> strings(TestDatabase database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
