package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * How a failed statement is reported.
 *
 * <p>An error from the database is {@code DatabaseErrorException} (400) with the message
 * {@code Database error code: <errno>. Message: <server message> (SQLState: <state>)}, for example
 * {@code Database error code: 1062. Message: Duplicate entry 'i-1' for key 'PRIMARY' (SQLState: 23000)}. The part up
 * to the server message is what the service sends; the SQLState suffix is the emulator's, so a caller can tell
 * error classes apart without a table of MySQL numbers. A lost connection is {@code DatabaseUnavailableException}
 * (504) instead: the database, not the statement, failed.
 */
final class SqlErrors {

    /** The MariaDB driver prefixes server messages with its connection id, which the server never sends. */
    private static final Pattern DRIVER_PREFIX = Pattern.compile("^\\(conn=\\d+\\) ");

    private SqlErrors() {
    }

    static DataApiException toDataApiException(SQLException failure) {
        if (CallOutcome.after(failure) == CallOutcome.CONNECTION_LOST) {
            return DataApiException.of(DataApiErrorType.DATABASE_UNAVAILABLE,
                    "The connection to the database instance was lost", failure);
        }
        String message = failure.getMessage() == null ? "" : DRIVER_PREFIX.matcher(failure.getMessage()).replaceFirst("");
        String state = failure.getSQLState() == null ? "HY000" : failure.getSQLState();
        return DataApiException.of(DataApiErrorType.DATABASE_ERROR,
                "Database error code: " + failure.getErrorCode() + ". Message: " + message + " (SQLState: " + state + ")",
                failure);
    }
}
