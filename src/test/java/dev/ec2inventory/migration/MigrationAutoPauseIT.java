package dev.ec2inventory.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.local.cfn.ResponseCapture;
import dev.ec2inventory.local.dataapi.AutoPause;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.migration.MigrationRun.Answer;
import dev.ec2inventory.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The migration function against the emulator's auto-pause simulation: a paused database answers
 * {@code DatabaseResumingException} for the whole resume, and the function waits it out (the local stack's start-up
 * migration is this function, so it waits too).
 */
class MigrationAutoPauseIT {

    @Test
    void theMigrationWaitsOutAResume() throws SQLException, InterruptedException {
        // Idle longer than the function's longest wait between two attempts (8 s), or the instance would pause again
        // between them, as no real one does (the service pauses after 5 minutes at the soonest).
        AutoPause settings = new AutoPause(Duration.ofSeconds(9), Duration.ofSeconds(3));
        try (TestDatabase database = TestDatabase.empty("cfn_autopause");
             DataApiEmulator emulator = DataApiEmulator.builder().cluster(database.localCluster())
                     .autoPause(settings).start();
             ResponseCapture capture = ResponseCapture.start()) {
            Thread.sleep(settings.pauseAfterIdle().plusMillis(500).toMillis());

            Answer answer = MigrationRun.invoke(emulator, database, SchemaMigration.LOCATION, "Create", null, capture);

            assertThat(answer.status()).as(answer.reason()).isEqualTo("SUCCESS");
            assertThat(emulator.resumingAnswers()).as("the first calls met a resume").isPositive();
            assertThat(SchemaMigrationFunctionIT.history(database)).containsExactly("1 true", "2 true");
        }
    }
}
