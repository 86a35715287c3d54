package dev.ec2inventory.dataapi;

/**
 * A Data API call failed. Subclasses say why when a caller can act on it; the SDK's own exception is the cause, so
 * that callers never need the SDK's types.
 */
public class DataApiException extends RuntimeException {

    public DataApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
