package dev.ec2inventory.migration;

import static dev.ec2inventory.migration.SchemaMigrationFunctionIT.history;
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
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fault at each Data API call of a Create on an empty database, one run per call: every run answers SUCCESS or
 * FAILED (never no answer), and what the next run does is one of the two outcomes the package documentation
 * promises. The emulator takes the strict reading of the service (an implicit commit ends a Data API transaction).
 */
class MigrationFaultsIT {

    private static final DataApiFault SERVER_ERROR = DataApiFault.of(DataApiErrorType.INTERNAL_SERVER_ERROR,
            "An internal error occurred.");
    /** A reason naming a migration that failed after at least one of its statements. */
    private static final Pattern HALFWAY = Pattern.compile("failed after [1-9][0-9]* statements? of it had been applied");
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
    void aFaultAtAnyCallEndsInAnAnswerAndTheHistorySaysWhatRan() throws Exception {
        int calls = callsOfACreate();
        int completedByRerun = 0;
        int recordedFailed = 0;
        int halfApplied = 0;
        int firstHalfwayCall = 0;
        int appliedUnrecorded = 0;
        for (int call = 1; call <= calls; call++) {
            try (TestDatabase database = TestDatabase.empty("cfn_fault")) {
                emulator.faults().failNthCallFromNow(call, SERVER_ERROR);
                Answer faulted = createWithin(database);
                emulator.faults().clear();
                assertThat(faulted.status()).as("call %d", call).isIn("SUCCESS", "FAILED");

                Answer rerun = createWithin(database);
                if (rerun.status().equals("SUCCESS")) {
                    completedByRerun++;
                    assertThat(history(database)).as("call %d", call).containsExactly("1 true", "2 true");
                    assertThat(tables(database)).contains("ec2", "package", "ec2_package");
                } else if (rerun.reason().contains("Detected failed migration")) {
                    // The fault hit a migration's statements: the migration is recorded as failed, and every later
                    // run says so until someone repairs it.
                    recordedFailed++;
                    assertThat(faulted.status()).as("call %d", call).isEqualTo("FAILED");
                    assertThat(history(database)).as("call %d", call).last().asString().endsWith(" false");
                    if (HALFWAY.matcher(faulted.reason()).find()) {
                        halfApplied++;
                        firstHalfwayCall = firstHalfwayCall == 0 ? call : firstHalfwayCall;
                    }
                } else {
                    // The fault hit the history row itself, after the migration's last statement: applied, not
                    // recorded. The rerun runs it again, fails on what exists, and records it as failed.
                    appliedUnrecorded++;
                    assertThat(faulted.status()).as("call %d", call).isEqualTo("FAILED");
                    assertThat(rerun.reason()).as("call %d: %s", call, faulted.reason()).contains("already exists");
                    assertThat(history(database)).as("call %d", call).last().asString().endsWith(" false");
                }
            }
        }
        System.err.printf("MigrationFaultsIT: %d calls per Create; a rerun completes the schema after a fault at %d "
                + "of them; at %d the migration is recorded as failed (at %d of those halfway through its statements); "
                + "at %d it is applied but unrecorded until the rerun fails on it%n", calls, completedByRerun,
                recordedFailed, halfApplied, appliedUnrecorded);
        assertThat(completedByRerun + recordedFailed + appliedUnrecorded).isEqualTo(calls);
        assertThat(halfApplied).as("some faults land between two statements of one migration").isPositive();
        aFunctionStoppedHalfwayThroughAMigrationLeavesItUnrecordedAndTheRerunFailsLoudly(firstHalfwayCall);
    }

    /**
     * Lambda stopping the function at its timeout, halfway through a migration, modelled with faults: from that call
     * on nothing reaches the database, so Flyway cannot even record the failure (and on AWS no answer would be sent
     * at all: CloudFormation fails the operation at the resource's ServiceTimeout).
     */
    private static void aFunctionStoppedHalfwayThroughAMigrationLeavesItUnrecordedAndTheRerunFailsLoudly(int call)
            throws SQLException {
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
            assertThat(rerun.reason()).contains("V1__create_inventory_tables.sql").contains("already exists");
            assertThat(history(database)).as("the rerun recorded the failure").containsExactly("1 false");
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

    private static int callsOfACreate() throws SQLException {
        try (TestDatabase database = TestDatabase.empty("cfn_count")) {
            long before = emulator.calls().total();
            assertThat(createWithin(database).status()).isEqualTo("SUCCESS");
            return Math.toIntExact(emulator.calls().total() - before);
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
