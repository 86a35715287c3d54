package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.ec2inventory.inventory.InstanceAlreadyExistsException;
import dev.ec2inventory.inventory.InstanceNotFoundException;
import dev.ec2inventory.inventory.InvalidFieldException;
import dev.ec2inventory.inventory.InventoryUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one table from a failure to the API's answer; a new error is one row. Anything else is a 500 that tells the
 * client only its error code; the log line has the exception.
 */
final class FailureResponses {

    private static final List<Row<?>> TABLE = List.of(
            row(BadRequestException.class, failure -> refused(400, failure.getMessage(), failure.detail())),
            row(InvalidFieldException.class, failure -> refused(400, failure.getMessage(), null)),
            row(InstanceAlreadyExistsException.class,
                    failure -> refused(400, failure.getMessage(), "duplicate primary key on ec2")),
            row(InstanceNotFoundException.class, failure -> refused(404, failure.getMessage(), null)),
            row(InventoryUnavailableException.class, FailureResponses::retryLater));

    private FailureResponses() {
    }

    static FailureResponse of(RuntimeException failure) {
        for (Row<?> row : TABLE) {
            Optional<FailureResponse> response = row.answer(failure);
            if (response.isPresent()) {
                return response.get();
            }
        }
        return internalError(failure);
    }

    /** @param logDetails fields the log line adds, which the client is not told */
    record FailureResponse(int status, LogLevel level, String clientMessage, Map<String, String> headers,
            Map<String, Object> logDetails) {
    }

    private static FailureResponse refused(int status, String clientMessage, String detail) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (detail != null) {
            details.put("detail", detail);
        }
        return new FailureResponse(status, LogLevel.WARN, clientMessage, Map.of(), details);
    }

    /** The database is resuming or busy: the same request may succeed after {@code Retry-After}. */
    private static FailureResponse retryLater(InventoryUnavailableException unavailable) {
        long seconds = Math.max(1, unavailable.retryAfter().toSeconds());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("detail", unavailable.getMessage());
        details.put("retry_after_seconds", seconds);
        return new FailureResponse(503, LogLevel.WARN,
                "The inventory database is starting up or busy; retry in " + seconds + " seconds",
                Map.of("Retry-After", Long.toString(seconds)), details);
    }

    private static FailureResponse internalError(RuntimeException failure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("exception", failure.getClass().getName());
        details.put("detail", String.valueOf(failure.getMessage()));
        details.put("stack_trace", stackTrace(failure));
        return new FailureResponse(500, LogLevel.ERROR,
                "The inventory could not handle the request; quote the error code when reporting it", Map.of(),
                details);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static <T extends RuntimeException> Row<T> row(Class<T> type, Function<T, FailureResponse> answer) {
        return new Row<>(type, answer);
    }

    private record Row<T extends RuntimeException>(Class<T> type, Function<T, FailureResponse> answer) {

        Optional<FailureResponse> answer(RuntimeException failure) {
            return type.isInstance(failure) ? Optional.of(answer.apply(type.cast(failure))) : Optional.empty();
        }
    }
}
