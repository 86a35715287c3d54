package dev.ec2inventory.local.dataapi;

import java.util.OptionalLong;

/**
 * An error the emulator answers with: {@code {"__type": type, "message": message}} and the type's status code.
 * Thrown anywhere below the HTTP layer, which turns it into the response.
 */
public final class DataApiException extends RuntimeException {

    private final String type;
    private final int statusCode;
    private final Long dbConnectionId;

    private DataApiException(String type, int statusCode, String message, Long dbConnectionId, Throwable cause) {
        super(message, cause, false, false);
        this.type = type;
        this.statusCode = statusCode;
        this.dbConnectionId = dbConnectionId;
    }

    public static DataApiException of(DataApiErrorType type, String message) {
        return new DataApiException(type.wireName(), type.statusCode(), message, null, null);
    }

    public static DataApiException of(DataApiErrorType type, String message, Throwable cause) {
        return new DataApiException(type.wireName(), type.statusCode(), message, null, cause);
    }

    /** {@code StatementTimeoutException} carries the id of the database connection that ran the statement. */
    public static DataApiException statementTimeout(String message, long dbConnectionId) {
        DataApiErrorType type = DataApiErrorType.STATEMENT_TIMEOUT;
        return new DataApiException(type.wireName(), type.statusCode(), message, dbConnectionId, null);
    }

    public static DataApiException fromFault(DataApiFault fault) {
        return new DataApiException(fault.type(), fault.statusCode(), fault.message(), null, null);
    }

    /** The {@code __type} on the wire. */
    public String type() {
        return type;
    }

    public int statusCode() {
        return statusCode;
    }

    public OptionalLong dbConnectionId() {
        return dbConnectionId == null ? OptionalLong.empty() : OptionalLong.of(dbConnectionId);
    }
}
