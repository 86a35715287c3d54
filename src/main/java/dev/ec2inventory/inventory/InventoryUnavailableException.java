package dev.ec2inventory.inventory;

import java.time.Duration;

/** The inventory's database cannot answer now (it is resuming, or busy); the same request may succeed later. */
public final class InventoryUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public InventoryUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
