package dev.ec2inventory.dataapi;

/**
 * The transaction a call named is gone: the Data API rolled it back after its idle timeout, or an earlier error
 * aborted it. Whatever held its database session has lost it.
 */
public final class DataApiTransactionEndedException extends DataApiException {

    DataApiTransactionEndedException(String message, Throwable cause) {
        super(message, cause);
    }
}
