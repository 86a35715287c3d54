package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.Field;

/**
 * The auto-pause simulation through the real SDK: an idle emulator answers {@code DatabaseResumingException} (400) for
 * the resume time, to every operation, then serves again. The clock is moved instead of waited on.
 */
class AutoPauseIT {

    private static final AutoPause SETTINGS = new AutoPause(Duration.ofMinutes(5), Duration.ofSeconds(15));

    private static final MovableClock clock = new MovableClock();
    private static EmulatorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("autopause", settings -> settings.autoPause(SETTINGS).clock(clock));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void anIdleClusterAnswersResumingForTheResumeTimeThenServesAgain() {
        assertThat(selectOne()).isEqualTo(1L);
        clock.advance(SETTINGS.pauseAfterIdle());

        DatabaseResumingException first = catchThrowableOfType(this::selectOne, DatabaseResumingException.class);
        clock.advance(SETTINGS.resumeTakes().minusSeconds(1));
        DatabaseResumingException beginning = catchThrowableOfType(() -> fixture.client.beginTransaction(
                request -> request.resourceArn(LocalCluster.RESOURCE_ARN).secretArn(LocalCluster.SECRET_ARN)),
                DatabaseResumingException.class);
        clock.advance(Duration.ofSeconds(1));

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(first.awsErrorDetails().errorCode()).isEqualTo("DatabaseResumingException");
        assertThat(first.awsErrorDetails().errorMessage()).matches("The Aurora DB instance db-[A-Z2-7]{26} is "
                + "resuming after being auto-paused\\. Please wait a few seconds and try again\\.");
        assertThat(beginning.statusCode()).isEqualTo(400);
        assertThat(selectOne()).isEqualTo(1L);
    }

    @Test
    void aCallJustBeforeThePauseTimeKeepsItAwake() {
        assertThat(selectOne()).isEqualTo(1L);
        clock.advance(SETTINGS.pauseAfterIdle().minusSeconds(1));
        assertThat(selectOne()).isEqualTo(1L);
        clock.advance(SETTINGS.pauseAfterIdle().minusSeconds(1));

        assertThat(selectOne()).isEqualTo(1L);
    }

    @Test
    void anOpenTransactionKeepsItAwake() {
        assertThat(selectOne()).isEqualTo(1L);
        String transaction = fixture.client.beginTransaction(request -> request
                .resourceArn(LocalCluster.RESOURCE_ARN).secretArn(LocalCluster.SECRET_ARN)).transactionId();
        clock.advance(SETTINGS.pauseAfterIdle().plusMinutes(1));

        assertThat(fixture.client.executeStatement(statement("SELECT 2").transactionId(transaction).build())
                .records()).containsExactly(List.of(Field.fromLongValue(2L)));
        fixture.client.rollbackTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction));
        assertThat(selectOne()).isEqualTo(1L);
    }

    private long selectOne() {
        return fixture.execute("SELECT 1").records().get(0).get(0).longValue();
    }
}
