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
        int halfAppliedAndLoud = 0;
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
                } else {
                    halfAppliedAndLoud++;
                    assertThat(faulted.status()).isEqualTo("FAILED");
                    assertThat(faulted.reason()).as("call %d", call).contains("of it had been applied and committed");
                    assertThat(rerun.reason()).as("call %d", call).contains("Detected failed migration");
                    assertThat(history(database)).as("call %d", call).last().asString().endsWith(" false");
                }
            }
        }
        System.err.printf("MigrationFaultsIT: %d calls per Create; a fault at %d of them is completed by a rerun, "
                + "at %d it leaves a migration half-applied and marked failed%n", calls, completedByRerun,
                halfAppliedAndLoud);
        assertThat(completedByRerun + halfAppliedAndLoud).isEqualTo(calls);
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
