package dev.ec2inventory.local.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PausableInstanceTest {

    private static final AutoPause FIVE_MINUTES_FIFTEEN_SECONDS =
            new AutoPause(Duration.ofMinutes(5), Duration.ofSeconds(15));
    private static final String CLUSTER = "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory-local";

    private final StoppedClock clock = new StoppedClock();
    private final AtomicBoolean transactionOpen = new AtomicBoolean();
    private final PausableInstance instance =
            PausableInstance.pausing(FIVE_MINUTES_FIFTEEN_SECONDS, clock, transactionOpen::get, CLUSTER);

    @Test
    void withoutSettingsItNeverPauses() {
        PausableInstance alwaysOn = PausableInstance.alwaysOn();

        assertThatCode(alwaysOn::admit).doesNotThrowAnyException();
        alwaysOn.callEnded();
        assertThatCode(alwaysOn::admit).doesNotThrowAnyException();
    }

    @Test
    void idleForThePauseTimeItAnswersResumingForTheResumeTimeThenServes() {
        call();
        clock.advance(Duration.ofMinutes(5));

        DataApiException first = resumingAnswer();
        clock.advance(Duration.ofSeconds(14));
        DataApiException stillResuming = resumingAnswer();
        clock.advance(Duration.ofSeconds(1));

        assertThat(first.type()).isEqualTo("DatabaseResumingException");
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(first.getMessage()).matches("The Aurora DB instance db-[A-Z2-7]{26} is resuming after being "
                + "auto-paused\\. Please wait a few seconds and try again\\.");
        assertThat(stillResuming.getMessage()).isEqualTo(first.getMessage());
        assertThatCode(this::call).doesNotThrowAnyException();
    }

    @Test
    void justUnderThePauseTimeItServes() {
        call();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));

        assertThatCode(this::call).doesNotThrowAnyException();
    }

    @Test
    void theIdleTimeCountsFromTheEndOfTheLastCall() {
        instance.admit();
        clock.advance(Duration.ofMinutes(10));
        instance.callEnded();
        clock.advance(Duration.ofMinutes(4));

        assertThatCode(this::call).doesNotThrowAnyException();
    }

    @Test
    void aRunningCallKeepsItAwake() {
        instance.admit();
        clock.advance(Duration.ofMinutes(6));

        assertThatCode(this::call).doesNotThrowAnyException();
        instance.callEnded();
    }

    @Test
    void anOpenTransactionKeepsItAwake() {
        call();
        transactionOpen.set(true);
        clock.advance(Duration.ofMinutes(6));

        assertThatCode(this::call).doesNotThrowAnyException();
    }

    @Test
    void theIdleTimeStartsAgainWhenTheResumeIsOver() {
        call();
        clock.advance(Duration.ofMinutes(5));
        resumingAnswer();
        clock.advance(Duration.ofSeconds(15).plus(Duration.ofMinutes(5)).minusMillis(1));

        assertThatCode(this::call).doesNotThrowAnyException();
        clock.advance(Duration.ofMinutes(5));
        assertThat(resumingAnswer().type()).isEqualTo("DatabaseResumingException");
    }

    @Test
    void theInstanceIdIsStablePerClusterAndShapedLikeAnRdsResourceId() {
        String id = PausableInstance.resourceIdOf(CLUSTER);

        assertThat(id).matches("db-[A-Z2-7]{26}").isEqualTo(PausableInstance.resourceIdOf(CLUSTER))
                .isNotEqualTo(PausableInstance.resourceIdOf(CLUSTER + "-other"));
    }

    @Test
    void settingsMustBePositive() {
        assertThat(catchThrowableOfType(() -> new AutoPause(Duration.ZERO, Duration.ofSeconds(1)),
                IllegalArgumentException.class)).hasMessageContaining("pauseAfterIdle");
        assertThat(catchThrowableOfType(() -> new AutoPause(Duration.ofSeconds(1), Duration.ofSeconds(-1)),
                IllegalArgumentException.class)).hasMessageContaining("resumeTakes");
    }

    private void call() {
        instance.admit();
        instance.callEnded();
    }

    private DataApiException resumingAnswer() {
        return catchThrowableOfType(instance::admit, DataApiException.class);
    }

    /** Time that moves only when the test says. */
    private static final class StoppedClock implements InstantSource {

        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
