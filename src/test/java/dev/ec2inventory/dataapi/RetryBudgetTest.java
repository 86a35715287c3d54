package dev.ec2inventory.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;

class RetryBudgetTest {

    @Test
    void theDefaultBudgetWaitsAboutTwentySecondsAtMost() {
        Duration worstCase = worstCaseWait(RetryBudget.DEFAULT);

        // Room for the statement and the 503 inside API Gateway's 29 s, yet long enough for most resumes.
        assertThat(worstCase).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
        System.out.println("[retry budget] default: " + RetryBudget.DEFAULT.maxAttempts() + " attempts, worst-case wait "
                + worstCase.toMillis() + " ms");
    }

    @Test
    void retriesOnlyWhatFailsBeforeTheStatementRuns() {
        var strategy = RetryBudget.DEFAULT.retryStrategy();

        assertThat(strategy.maxAttempts()).isEqualTo(8);
        assertThat(RetryBudget.isThrottling(AwsServiceException.builder().statusCode(429).build())).isTrue();
        assertThat(RetryBudget.isThrottling(AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build())
                .statusCode(400).build())).isTrue();
        assertThat(RetryBudget.isThrottling(DatabaseResumingException.builder().statusCode(400).build())).isFalse();
        assertThat(RetryBudget.isThrottling(BadRequestException.builder().statusCode(400).build())).isFalse();
    }

    @Test
    void onlyALockConflictIsRunAgain() {
        RetryBudget quick = new RetryBudget(3, Duration.ofMillis(1), Duration.ofMillis(2));
        List<DataApiSqlException> failures = new ArrayList<>(List.of(
                sqlError("1213. Message: Deadlock found when trying to get lock; try restarting transaction"),
                sqlError("1205. Message: Lock wait timeout exceeded; try restarting transaction")));
        DataApiSqlException duplicate = sqlError("1062. Message: Duplicate entry 'a' for key 'PRIMARY'");

        assertThat(quick.runAgainOnLockConflict("work", () -> failures.isEmpty() ? "done" : fail(failures.remove(0))))
                .isEqualTo("done");
        assertThatThrownBy(() -> quick.runAgainOnLockConflict("work", () -> fail(duplicate))).isSameAs(duplicate);
    }

    @Test
    void refusesBudgetsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryBudget(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBudget(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DataApiSqlException sqlError(String codeAndMessage) {
        return DataApiSqlException.fromServiceMessage("Database error code: " + codeAndMessage, null);
    }

    private static String fail(DataApiSqlException failure) {
        throw failure;
    }

    /** The sum of the longest waits between all attempts. */
    private static Duration worstCaseWait(RetryBudget budget) {
        BackoffStrategy longest = BackoffStrategy.exponentialDelayWithoutJitter(budget.baseDelay(), budget.maxDelay());
        Duration total = Duration.ZERO;
        // The SDK asks for the delay before attempt n with n itself: 2 is the first retry.
        for (int attempt = 2; attempt <= budget.maxAttempts(); attempt++) {
            total = total.plus(longest.computeDelay(attempt));
        }
        return total;
    }
}
