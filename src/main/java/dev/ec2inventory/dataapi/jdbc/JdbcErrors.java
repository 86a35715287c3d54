package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiSqlException;
import dev.ec2inventory.dataapi.DataApiStatementTimeoutException;
import dev.ec2inventory.dataapi.DataApiUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * How a failed Data API call, as the core classified it, reaches JDBC callers: always as an {@link SQLException},
 * the one type they catch (Flyway probes optional features with queries that may fail, and carries on).
 */
final class JdbcErrors {

    static final String CANNOT_CONNECT = "08001";
    static final String CONNECTION_GONE = "08003";

    private JdbcErrors() {
    }

    static SQLException of(String operation, DataApiException translated) {
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
