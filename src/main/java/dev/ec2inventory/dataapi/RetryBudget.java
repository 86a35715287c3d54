package dev.ec2inventory.dataapi;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;

/**
 * How long one Data API call retries while the database resumes or the service throttles, and how often work losing
 * a lock conflict runs again. Only failures before the statement runs are retried: after an I/O error or a 5xx it may
 * have run already. {@code maxAttempts} counts the first; waits double from {@code baseDelay} up to {@code maxDelay}.
 */
public record RetryBudget(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Ends in time to answer 503 before API Gateway gives up. */
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
     * Runs {@code attempt} again after each lock conflict within this budget; past it, the database is unavailable.
     * {@code attempt} must be what the server rolled back whole: a transaction or a statement on its own.
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
                // A resuming database fails every call; a circuit breaker would stop retrying when that is the point.
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
