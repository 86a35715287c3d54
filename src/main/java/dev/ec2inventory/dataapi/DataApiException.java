package dev.ec2inventory.dataapi;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Data API call failed. Subclasses say why when a caller can act on it; the SDK's own exception is the cause, so
 * that callers never need the SDK's types.
 */
public class DataApiException extends RuntimeException {

    public DataApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What an SDK failure of {@code operation} means, classified as the translator classifies its own: a
     * {@link DataApiSqlException}, a {@link DataApiUnavailableException}, or a plain {@code DataApiException}. For
     * other Data API clients in this package tree, such as the JDBC driver.
     */
    public static DataApiException from(String operation, SdkException failure) {
        return DataApiCalls.translate(operation, failure);
    }
}
