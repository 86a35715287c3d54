package dev.ec2inventory.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.local.dataapi.AutoPause;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.dataapi.MovableClock;
import dev.ec2inventory.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** The local stack's start-up migration, with auto-pause simulated, waits out a resume instead of failing. */
class LocalStackAutoPauseIT {

    @Test
    void theStartUpMigrationsClientWaitsOutAResume() {
        AutoPause settings = new AutoPause(Duration.ofMinutes(5), Duration.ofMillis(300));
        MovableClock clock = new MovableClock();
        try (TestDatabase database = TestDatabase.empty("stack_autopause");
             DataApiEmulator emulator = DataApiEmulator.builder().cluster(database.localCluster())
                     .autoPause(settings).clock(clock).start();
             RdsDataClient client = LocalCluster.clientBuilder(emulator.endpoint())
                     .overrideConfiguration(config -> config.retryStrategy(LocalStack.waitingOutResumes(settings)))
                     .build()) {
            clock.advance(settings.pauseAfterIdle());

            long one = client.executeStatement(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                    .secretArn(LocalCluster.SECRET_ARN).sql("SELECT 1")).records().get(0).get(0).longValue();

            assertThat(one).isEqualTo(1L);
            assertThat(emulator.resumingAnswers()).as("the first answer was a resume").isPositive();
        }
    }
}
