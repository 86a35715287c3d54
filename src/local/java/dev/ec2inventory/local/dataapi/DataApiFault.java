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
}
