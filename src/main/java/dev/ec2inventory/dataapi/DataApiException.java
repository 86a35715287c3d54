package dev.ec2inventory.dataapi;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.ServiceUnavailableErrorException;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;

/** A Data API call failed; a subclass says why when a caller can act on it, and the SDK's exception is the cause. */
public class DataApiException extends RuntimeException {

    public DataApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Classified once for the translator and the driver; the SDK has retried what {@link RetryBudget} allows. */
    public static DataApiException from(String operation, SdkException failure) {
        if (failure instanceof DatabaseErrorException databaseError) {
            // The exception's own message adds the SDK's "(Service: ..., Request ID: ...)" suffix.
            return DataApiSqlException.fromServiceMessage(databaseError.awsErrorDetails().errorMessage(), failure);
        }
        if (failure instanceof DatabaseResumingException) {
            return new DataApiUnavailableException(operation + ": the database is still resuming after the retry"
                    + " budget", failure);
        }
        if (RetryBudget.isThrottling(failure)) {
            return new DataApiUnavailableException(operation + ": still throttled after the retry budget", failure);
        }
        if (failure instanceof DatabaseUnavailableException || failure instanceof ServiceUnavailableErrorException) {
            return new DataApiUnavailableException(operation + ": the database is unavailable", failure);
        }
        String failed = operation + " failed: " + failure.getMessage();
        if (failure instanceof TransactionNotFoundException) {
            return new DataApiTransactionEndedException(failed, failure);
        }
        if (failure instanceof StatementTimeoutException) {
            return new DataApiStatementTimeoutException(failed, failure);
        }
        if (failure instanceof SdkClientException
                || failure instanceof SdkServiceException service && service.statusCode() >= 500) {
            return new DataApiNoAnswerException(failed, failure);
        }
        return new DataApiException(failed, failure);
    }
}
