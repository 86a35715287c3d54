package dev.ec2inventory.dataapi;

/**
 * A statement ran past the Data API's call timeout. With {@code continueAfterTimeout} it goes on running in the
 * database; without, it is rolled back.
 */
public final class DataApiStatementTimeoutException extends DataApiException {

    DataApiStatementTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
