package dev.ec2inventory.local.dataapi;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An error to inject in place of a call's real answer, for example {@code DatabaseResumingException}.
 *
 * @param type       the {@code __type} sent, for example {@code DatabaseResumingException}
 * @param statusCode the HTTP status sent with it
 * @param message    the {@code message} sent
 */
public record DataApiFault(String type, int statusCode, String message) {

    public DataApiFault {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a fault needs a __type, for example DatabaseResumingException");
        }
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException("a fault's status code must be 4xx or 5xx, not " + statusCode);
        }
        if (message == null) {
            throw new IllegalArgumentException("a fault needs a message (it may be empty)");
        }
    }

    /** A fault of one of the known error types, with the status code the service model gives it. */
    public static DataApiFault of(String type, String message) {
        DataApiErrorType known = DataApiErrorType.fromWireName(type).orElseThrow(() -> new IllegalArgumentException(
                "unknown error type '" + type + "'; use new DataApiFault(type, statusCode, message), or one of "
                        + Arrays.stream(DataApiErrorType.values()).map(DataApiErrorType::wireName)
                                .collect(Collectors.joining(", "))));
        return new DataApiFault(known.wireName(), known.statusCode(), message);
    }

    public static DataApiFault of(DataApiErrorType type, String message) {
        return new DataApiFault(type.wireName(), type.statusCode(), message);
    }

    /**
     * The database's refusal of a statement, worded as the service words it:
     * {@code Database error code: 1213. Message: Deadlock found when trying to get lock; try restarting transaction}.
     * The call fails as the statement would have; nothing runs, and an open transaction stays open.
     */
    public static DataApiFault databaseError(int mysqlErrorCode, String serverMessage) {
        if (mysqlErrorCode < 1) {
            throw new IllegalArgumentException("a MySQL error code is positive, not " + mysqlErrorCode);
        }
        return of(DataApiErrorType.DATABASE_ERROR,
                "Database error code: " + mysqlErrorCode + ". Message: " + serverMessage);
    }

    /** MySQL 1213, as a transaction chosen as a deadlock's victim meets it. */
    public static DataApiFault deadlock() {
        return databaseError(1213, "Deadlock found when trying to get lock; try restarting transaction");
    }

    /** MySQL 1205, as a statement meets it after waiting innodb_lock_wait_timeout for a row lock. */
    public static DataApiFault lockWaitTimeout() {
        return databaseError(1205, "Lock wait timeout exceeded; try restarting transaction");
    }
}
