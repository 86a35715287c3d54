package dev.ec2inventory.dataapi;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;

/**
 * How long one Data API call may keep retrying while the database resumes or the service throttles.
 *
 * <p>{@link #DEFAULT} waits at most about 20 seconds (0.5, 1, 2, 4, 4, 4, 4 s between eight attempts, each wait
 * jittered down to half): API Gateway gives up on a Lambda integration after 29 seconds, and what remains of them is
 * left for the statement itself and for answering 503 in time.
 *
 * <p>The same budget bounds the work run again after a deadlock or a lock-wait timeout
 * ({@link #runAgainOnLockConflict}): as many attempts, and the same waits between them.
 *
 * <p>Only failures that happen before the statement runs are retried. An I/O error or a 5xx may come after the
 * database executed the statement, and repeating an INSERT inside a transaction would then fail as a duplicate.
 *
 * @param maxAttempts the first attempt included
 * @param baseDelay   the wait after the first failure; it doubles after each further one
 * @param maxDelay    the longest single wait
 */
public record RetryBudget(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryBudget DEFAULT = new RetryBudget(8, Duration.ofMillis(500), Duration.ofSeconds(4));

    public RetryBudget {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("expected 0 <= baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
        }
    }

    /** The wait before attempt {@code attempt} (2 is the first retry), jittered down to half, as the SDK waits. */
    public Duration delayBefore(int attempt) {
        return backoff().computeDelay(attempt);
    }

    /**
     * The one rule for lock conflicts (MySQL's deadlock 1213, lock-wait timeout 1205): {@code attempt} is run again
     * until it does not lose one, within this budget, and past it the database counts as unavailable, so callers
     * answer "retry later". {@code attempt} must be a whole unit of work the server rolled back on losing: a
     * transaction, or a statement on its own, never a statement inside a transaction.
     *
     * @param work names the work in the {@link DataApiUnavailableException}'s message
     */
    public <T> T runAgainOnLockConflict(String work, Supplier<T> attempt) {
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (DataApiSqlException failure) {
                if (!failure.isLockConflict()) {
                    throw failure;
                }
                if (attempts >= maxAttempts) {
                    throw new DataApiUnavailableException(work + ": still losing lock conflicts after " + attempts
                            + " attempts", failure);
                }
                pause(delayBefore(attempts + 1), work, failure);
            }
        }
    }

    private static void pause(Duration wait, String work, DataApiSqlException failure) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DataApiUnavailableException(work + ": interrupted before running again", failure);
        }
    }

    StandardRetryStrategy retryStrategy() {
        BackoffStrategy backoff = backoff();
        return StandardRetryStrategy.builder()
                .maxAttempts(maxAttempts)
                .retryOnException(DatabaseResumingException.class)
                .retryOnException(RetryBudget::isThrottling)
                .treatAsThrottling(RetryBudget::isThrottling)
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                // A paused database fails every call of every request for up to 30 s; a circuit breaker would stop
                // retrying just when retrying is the point.
                .circuitBreakerEnabled(false)
                .useClientDefaults(false)
                .build();
    }

    private BackoffStrategy backoff() {
        return BackoffStrategy.exponentialDelayHalfJitter(baseDelay, maxDelay);
    }

    static boolean isThrottling(Throwable failure) {
        return failure instanceof SdkServiceException service && service.isThrottlingException();
    }
}
