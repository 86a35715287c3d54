package dev.ec2inventory.local.dataapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The error {@code __type}s the emulator can send, each with its HTTP status.
 *
 * <p>The first group is the rds-data service model's (API 2018-08-01, as the AWS SDK 2.57 knows it, which adds
 * {@code DatabaseResumingException} and {@code InvalidResourceStateException}); the SDK turns each into its own
 * exception class. The last group is not in the model: the service sends {@code ValidationException} for requests
 * it refuses before running them (the Aurora user guide documents it for multi-statement SQL and the
 * {@code schema} parameter), and the other two are what an AWS front door answers for an unknown operation or an
 * oversized body. The SDK surfaces those as a plain {@code RdsDataException} whose error code is the name.
 */
public enum DataApiErrorType {

    ACCESS_DENIED("AccessDeniedException", 403),
    BAD_REQUEST("BadRequestException", 400),
    DATABASE_ERROR("DatabaseErrorException", 400),
    DATABASE_NOT_FOUND("DatabaseNotFoundException", 404),
    DATABASE_RESUMING("DatabaseResumingException", 400),
    DATABASE_UNAVAILABLE("DatabaseUnavailableException", 504),
    FORBIDDEN("ForbiddenException", 403),
    HTTP_ENDPOINT_NOT_ENABLED("HttpEndpointNotEnabledException", 400),
    INTERNAL_SERVER_ERROR("InternalServerErrorException", 500),
    INVALID_RESOURCE_STATE("InvalidResourceStateException", 400),
    INVALID_SECRET("InvalidSecretException", 400),
    NOT_FOUND("NotFoundException", 404),
    SECRETS_ERROR("SecretsErrorException", 400),
    SERVICE_UNAVAILABLE("ServiceUnavailableError", 503),
    STATEMENT_TIMEOUT("StatementTimeoutException", 400),
    TRANSACTION_NOT_FOUND("TransactionNotFoundException", 404),
    UNSUPPORTED_RESULT("UnsupportedResultException", 400),

    VALIDATION("ValidationException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 404),
    REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413);

    private final String wireName;
    private final int statusCode;

    DataApiErrorType(String wireName, int statusCode) {
        this.wireName = wireName;
        this.statusCode = statusCode;
    }

    /** The {@code __type} value, for example {@code DatabaseErrorException}. */
    public String wireName() {
        return wireName;
    }

    public int statusCode() {
        return statusCode;
    }

    public static Optional<DataApiErrorType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
