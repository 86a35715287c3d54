package dev.ec2inventory.dataapi;

/**
 * No answer came back from the database: an I/O error or timeout on the way, or a 5xx from the service. The statement
 * may or may not have run, so only work that is harmless twice may be sent again.
 */
public final class DataApiNoAnswerException extends DataApiException {

    DataApiNoAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
