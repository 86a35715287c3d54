package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiSqlException;
import dev.ec2inventory.dataapi.DataApiStatementTimeoutException;
import dev.ec2inventory.dataapi.DataApiTransactionEndedException;
import dev.ec2inventory.dataapi.DataApiUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * How a failed Data API call reaches JDBC callers: always as an {@link SQLException}, the one type they catch (Flyway
 * probes optional features with queries that may fail, and carries on when they do). The core has classified the
 * failure already ({@link DataApiException#from}), as it does for the translator; this maps its classes.
 *
 * <ul>
 *   <li>a SQL error: an {@code SQLException} with MySQL's error number and message, and the SQLState when the
 *       service gave one (the real service does not; the local emulator does);</li>
 *   <li>a database that is resuming, throttled or unavailable past the retry budget: an
 *       {@link SQLTransientConnectionException}, SQLState 08001, worth trying again later;</li>
 *   <li>the transaction behind the connection gone (idle too long, or aborted): an
 *       {@link SQLNonTransientConnectionException}, SQLState 08003, the connection is dead;</li>
 *   <li>a statement past the Data API's 45 seconds: an {@link SQLTimeoutException};</li>
 *   <li>anything else (no credentials, access denied, a malformed request): an {@code SQLException} with the
 *       service's message.</li>
 * </ul>
 */
final class JdbcErrors {

    static final String CANNOT_CONNECT = "08001";
    static final String CONNECTION_GONE = "08003";

    private JdbcErrors() {
    }

    static SQLException of(String operation, DataApiException translated) {
        if (translated instanceof DataApiTransactionEndedException) {
            return new SQLNonTransientConnectionException(operation + ": the Data API transaction that holds this "
                    + "connection's database session has ended (idle for three minutes, or aborted by an earlier "
                    + "error): " + serviceMessage(translated), CONNECTION_GONE, translated);
        }
        if (translated instanceof DataApiStatementTimeoutException) {
            return new SQLTimeoutException(operation + ": the statement ran past the Data API's call timeout; it goes "
                    + "on running in the database: " + serviceMessage(translated), translated);
        }
        if (translated instanceof DataApiSqlException sqlError) {
            return new SQLException(sqlError.serverMessage(), sqlError.sqlState().orElse(null),
                    sqlError.errorCode().orElse(0), translated);
        }
        if (translated instanceof DataApiUnavailableException) {
            return new SQLTransientConnectionException(translated.getMessage(), CANNOT_CONNECT, translated);
        }
        return new SQLException(translated.getMessage(), translated);
    }

    /** What the service said, without the core's "operation failed:" prefix. */
    private static String serviceMessage(DataApiException failure) {
        return failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
    }
}
