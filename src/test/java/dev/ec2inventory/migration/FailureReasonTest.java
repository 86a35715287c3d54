package dev.ec2inventory.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What reaches CloudFormation's Reason, and how long each call waits out a resume. */
class FailureReasonTest {

    @Test
    void replacesEveryArnAndKeepsTheRest() {
        String reason = FailureReason.scrub("Migration V3__x.sql failed: HttpEndpoint is not enabled for resource "
                + "arn:aws:rds:eu-west-1:123456789012:cluster:inventory, secret "
                + "arn:aws:secretsmanager:eu-west-1:123456789012:secret:inventory-AbCdEf (Service: RdsData)");

        assertThat(reason).isEqualTo("Migration V3__x.sql failed: HttpEndpoint is not enabled for resource <arn>, "
                + "secret <arn> (Service: RdsData)");
    }

    @Test
    void cutsALongReasonToFitTheResponse() {
        String reason = FailureReason.scrub("x".repeat(10_000));

        assertThat(reason).hasSize(FailureReason.MAX_LENGTH).endsWith("...");
    }

    @Test
    void aFifthOfTheRemainingTimeBetweenTwentySecondsAndTwoMinutesIsWaitedOutForAResume() {
        assertThat(ResumeWait.wanted(Duration.ofSeconds(900))).isEqualTo(Duration.ofMinutes(2));
        assertThat(ResumeWait.wanted(Duration.ofSeconds(300))).isEqualTo(Duration.ofSeconds(60));
        assertThat(ResumeWait.wanted(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(20));
        // The least the jittered delays add up to must reach what is wanted: halves of 1, 2, 4, 8, 8, ... s.
        for (int seconds : new int[] {30, 300, 900}) {
            var budget = ResumeWait.budget(Duration.ofSeconds(seconds));
            long assured = 0;
            for (int attempt = 2; attempt <= budget.maxAttempts(); attempt++) {
                assured += Math.min(1_000L << (attempt - 2), 8_000L) / 2;
            }
            assertThat(Duration.ofMillis(assured)).as("%d s left", seconds)
                    .isGreaterThanOrEqualTo(ResumeWait.wanted(Duration.ofSeconds(seconds)));
        }
    }
}
