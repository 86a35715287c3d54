package dev.ec2inventory.dataapi;

import java.time.Duration;

/**
 * The database could not take the call within the retry budget: resuming from auto-pause, throttled, unavailable, or
 * still losing lock conflicts. Trying again later is the remedy.
 */
public final class DataApiUnavailableException extends DataApiException {

    /** Short: the retry budget has already waited through most of a resume. */
    public static final Duration SUGGESTED_RETRY_AFTER = Duration.ofSeconds(10);

    public DataApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public Duration retryAfter() {
        return SUGGESTED_RETRY_AFTER;
    }
}
