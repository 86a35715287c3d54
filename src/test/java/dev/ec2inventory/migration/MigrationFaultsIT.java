package dev.ec2inventory.migration;

import static dev.ec2inventory.migration.SchemaMigrationFunctionIT.columns;
import static dev.ec2inventory.migration.SchemaMigrationFunctionIT.copyPackagedMigrations;
import static dev.ec2inventory.migration.SchemaMigrationFunctionIT.history;
import static dev.ec2inventory.migration.SchemaMigrationFunctionIT.historyRows;
import static dev.ec2inventory.migration.SchemaMigrationFunctionIT.strings;
import static dev.ec2inventory.migration.SchemaMigrationFunctionIT.tables;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault at each Data API call of a Create on an empty database, one run per call: every run answers SUCCESS or
 * FAILED (never no answer), and one rerun completes the schema, as a clean migration makes it (see the package
 * documentation: a call with no answer is sent again when that is harmless, a failed migration of an unchanged
 * script is resumed). The emulator takes the strict reading of the service (an implicit commit ends a Data API
 * transaction).
 */
class MigrationFaultsIT {

    private static final DataApiFault SERVER_ERROR = DataApiFault.of(DataApiErrorType.INTERNAL_SERVER_ERROR,
            "An internal error occurred.");
    /** A reason naming a migration that failed after at least one of its statements. */
    private static final Pattern HALFWAY = Pattern.compile("; [1-9][0-9]* statements? of it stays? applied\\.");
    private static DataApiEmulator emulator;
    private static ResponseCapture capture;

    @BeforeAll
    static void start() {
        emulator = DataApiEmulator.builder().cluster(LocalCluster.on(TestDatabaseServer.shared()))
                .implicitCommitEndsTransaction(true).start();
        capture = ResponseCapture.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
        capture.close();
    }

    @Test
    void aFaultAtAnyCallEndsInAnAnswerAndOneRerunCompletesTheSchema() throws Exception {
        List<String> clean;
        int calls;
        try (TestDatabase database = TestDatabase.empty("cfn_count")) {
            long before = emulator.calls().total();
            assertThat(createWithin(database).status()).isEqualTo("SUCCESS");
            calls = Math.toIntExact(emulator.calls().total() - before);
            clean = schema(database);
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        int firstHalfwayCall = 0;
        for (int call = 1; call <= calls; call++) {
            try (TestDatabase database = TestDatabase.empty("cfn_fault")) {
                emulator.faults().failNthCallFromNow(call, SERVER_ERROR);
                Answer faulted = createWithin(database);
                emulator.faults().clear();
                assertThat(faulted.status()).as("call %d", call).isIn("SUCCESS", "FAILED");

                Answer rerun = createWithin(database);

                assertThat(rerun.status()).as("call %d: %s, then %s", call, faulted.reason(), rerun.reason())
                        .isEqualTo("SUCCESS");
                assertThat(schema(database)).as("call %d", call).isEqualTo(clean);
                boolean halfway = faulted.reason() != null && HALFWAY.matcher(faulted.reason()).find();
                if (halfway) {
                    firstHalfwayCall = firstHalfwayCall == 0 ? call : firstHalfwayCall;
                    assertThat(rerun.log()).as("call %d", call).anyMatch(line -> line.startsWith("resuming V"))
                            .anyMatch(line -> line.startsWith("taken as already applied"));
                }
                outcomes.merge(outcome(faulted, rerun, halfway), 1, Integer::sum);
            }
        }
        System.err.printf("MigrationFaultsIT: %d calls per Create, a fault at each; one rerun completed the schema "
                + "after every one; per outcome: %s%n", calls, outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(calls);
        assertThat(firstHalfwayCall).as("some faults land between two statements of one migration").isPositive();
        aFunctionStoppedHalfwayThroughAMigrationLeavesItUnrecordedAndTheSecondRerunResumesIt(firstHalfwayCall,
                clean);
    }

    private static String outcome(Answer faulted, Answer rerun, boolean halfway) {
        if (faulted.status().equals("SUCCESS")) {
            return "faulted run SUCCESS";
        }
        boolean resumed = rerun.log().stream().anyMatch(line -> line.startsWith("resuming V"));
        return "FAILED, " + (halfway ? "halfway through a migration, " : "") + (resumed ? "rerun resumed it"
                : "rerun applied what was pending");
    }

    /**
     * Lambda stopping the function at its timeout, halfway through a migration, modelled with faults: from that call
     * on nothing reaches the database, so Flyway cannot even record the failure (and on AWS no answer would be sent
     * at all: CloudFormation fails the operation at the resource's ServiceTimeout). The first rerun fails on what
     * exists and records the migration as failed; the second resumes it.
     */
    private static void aFunctionStoppedHalfwayThroughAMigrationLeavesItUnrecordedAndTheSecondRerunResumesIt(int call,
            List<String> clean) throws SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_stopped")) {
            emulator.faults().failNthCallFromNow(call, SERVER_ERROR);
            for (int later = call + 1; later <= call + 1_000; later++) {
                emulator.faults().failNthCallFromNow(later, SERVER_ERROR);
            }
            Answer stopped = createWithin(database);
            emulator.faults().clear();

            assertThat(stopped.status()).isEqualTo("FAILED");
            assertThat(tables(database)).as("the migration's first statement stays applied").contains("ec2")
                    .doesNotContain("ec2_package");
            assertThat(history(database)).as("nothing recorded it").isEmpty();

            Answer rerun = createWithin(database);

            assertThat(rerun.status()).isEqualTo("FAILED");
            assertThat(rerun.reason()).startsWith("V1__create_inventory_tables.sql failed at statement 1 (line ")
                    .contains("MySQL error 1050").contains("none of its statements was applied");
            assertThat(history(database)).as("the rerun recorded the failure").containsExactly("1 false");

            Answer resumed = createWithin(database);

            assertThat(resumed.status()).as(resumed.reason()).isEqualTo("SUCCESS");
            assertThat(resumed.log()).anyMatch(line -> line.startsWith("taken as already applied (Table 'ec2' "
                    + "already exists): CREATE TABLE ec2"));
            assertThat(schema(database)).isEqualTo(clean);
        }
    }

    /** Tables, columns, indexes, foreign keys and Flyway's history (all but the times): what a migration made. */
    private static List<String> schema(TestDatabase database) throws SQLException {
        List<String> schema = new ArrayList<>(columns(database));
        schema.addAll(strings(database, "SELECT CONCAT_WS(' ', table_name, index_name, seq_in_index, column_name, "
                + "non_unique) FROM information_schema.statistics WHERE table_schema = DATABASE() "
                + "ORDER BY table_name, index_name, seq_in_index"));
        schema.addAll(strings(database, "SELECT CONCAT_WS(' ', u.table_name, u.constraint_name, u.column_name, "
                + "u.referenced_table_name, u.referenced_column_name, r.delete_rule) FROM "
                + "information_schema.key_column_usage u JOIN information_schema.referential_constraints r "
                + "ON r.constraint_schema = u.table_schema AND r.constraint_name = u.constraint_name "
                + "WHERE u.table_schema = DATABASE() ORDER BY u.table_name, u.constraint_name, u.ordinal_position"));
        schema.addAll(strings(database, "SELECT CONCAT_WS('|', installed_rank, version, script, checksum, success) "
                + "FROM flyway_schema_history ORDER BY installed_rank"));
        return schema;
    }

    /**
     * A failed migration whose script is unchanged is resumed: what it applied is taken as applied, and a statement
     * that fails for a real reason fails it again. An edited script is not resumed: the failure stays until repaired.
     */
    @Test
    void aFailedMigrationIsResumedOnlyWithItsOwnScript(@TempDir Path migrations) throws IOException, SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_resume")) {
            assertThat(createWithin(database).status()).isEqualTo("SUCCESS");
            copyPackagedMigrations(migrations);
            Path v3 = Files.writeString(migrations.resolve("V3__broken.sql"),
                    "ALTER TABLE ec2 ADD COLUMN note VARCHAR(40) NULL;\nALTER TABLE no_such_table ADD x INT;\n");
            String location = "filesystem:" + migrations;
            assertThat(MigrationRun.invoke(emulator, database, location, "Update", "id", capture).status())
                    .isEqualTo("FAILED");

            Answer resumed = MigrationRun.invoke(emulator, database, location, "Update", "id", capture);

            assertThat(resumed.status()).isEqualTo("FAILED");
            assertThat(resumed.reason()).startsWith("V3__broken.sql failed at statement 2 (line 2): MySQL error 1146")
                    .contains("; 1 statement of it stays applied.");
            assertThat(resumed.log()).anyMatch(line -> line.startsWith("resuming V3__broken.sql"))
                    .anyMatch(line -> line.startsWith("taken as already applied (Duplicate column name 'note'): "
                            + "ALTER TABLE ec2 ADD COLUMN note"));
            assertThat(history(database)).containsExactly("1 true", "2 true", "3 false");
            List<String> history = historyRows(database);
            Files.writeString(v3, Files.readString(v3).replace("no_such_table", "package"));

            Answer edited = MigrationRun.invoke(emulator, database, location, "Update", "id", capture);

            assertThat(edited.status()).isEqualTo("FAILED");
            assertThat(edited.reason()).contains("Detected failed migration to version 3");
            assertThat(edited.log()).noneMatch(line -> line.startsWith("resuming"));
            assertThat(historyRows(database)).isEqualTo(history);
        }
    }

    @Test
    void tooLittleTimeLeftStopsBeforeAMigrationAndTheNextRunAppliesIt() throws SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_late")) {
            Answer late = MigrationRun.invoke(emulator, database, SchemaMigration.LOCATION, "Create", null, capture,
                    SchemaMigration.RESERVE.minusSeconds(1));

            assertThat(late.status()).isEqualTo("FAILED");
            assertThat(late.reason()).startsWith("stopped before V1__create_inventory_tables.sql")
                    .contains("nothing was applied");
            assertThat(tables(database)).doesNotContain("ec2");

            Answer next = createWithin(database);

            assertThat(next.status()).as(next.reason()).isEqualTo("SUCCESS");
            assertThat(history(database)).containsExactly("1 true", "2 true");
        }
    }

    /** A hung run fails the test instead of hanging it. */
    private static Answer createWithin(TestDatabase database) {
        try {
            return CompletableFuture.supplyAsync(() -> MigrationRun.invoke(emulator, database,
                    SchemaMigration.LOCATION, "Create", null, capture)).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("the migration gave no answer", e);
        }
    }
}
