package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ec2inventory.inventory.InventoryUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a route's work and turns its outcome into the API's answer: 200 with the work's JSON, or one of three errors
 * with {@code {"error_message": "(error_code: <uuid>) - <message>"}}. Each error is also one JSON log line with the
 * same code and what the client is not told.
 *
 * <ul>
 *   <li>400: the request is wrong; the message says how.</li>
 *   <li>503 with {@code Retry-After}: the database is resuming or busy.</li>
 *   <li>500: anything else. The client learns nothing but the code; the log has the exception.</li>
 * </ul>
 */
final class Responder {

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String JSON = "application/json";

    private final JsonLog log;

    Responder(JsonLog log) {
        this.log = log;
    }

    APIGatewayProxyResponseEvent respond(String route, APIGatewayProxyRequestEvent request, Context context,
            Supplier<Object> work) {
        Invocation invocation = new Invocation(route, request, context, System.nanoTime());
        try {
            APIGatewayProxyResponseEvent response = json(200, work.get(), Map.of(CONTENT_TYPE, JSON));
            logHandled(invocation);
            return response;
        } catch (BadRequestException badRequest) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (badRequest.detail() != null) {
                details.put("detail", badRequest.detail());
            }
            return error(invocation, LogLevel.WARN, 400, badRequest.getMessage(), details, Map.of());
        } catch (InventoryUnavailableException unavailable) {
            long seconds = Math.max(1, unavailable.retryAfter().toSeconds());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("detail", unavailable.getMessage());
            details.put("retry_after_seconds", seconds);
            return error(invocation, LogLevel.WARN, 503,
                    "The inventory database is starting up or busy; retry in " + seconds + " seconds", details,
                    Map.of("Retry-After", Long.toString(seconds)));
        } catch (RuntimeException failure) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("exception", failure.getClass().getName());
            details.put("detail", String.valueOf(failure.getMessage()));
            details.put("stack_trace", stackTrace(failure));
            return error(invocation, LogLevel.ERROR, 500,
                    "The inventory could not handle the request; quote the error code when reporting it", details,
                    Map.of());
        }
    }

    private void logHandled(Invocation invocation) {
        if (log.isEnabled(LogLevel.DEBUG)) {
            Map<String, Object> fields = invocation.logFields(200);
            fields.put("duration_ms", (System.nanoTime() - invocation.startedNanos()) / 1_000_000);
            log.log(LogLevel.DEBUG, "request handled", fields);
        }
    }

    private APIGatewayProxyResponseEvent error(Invocation invocation, LogLevel level, int status, String clientMessage,
            Map<String, Object> details, Map<String, String> extraHeaders) {
        String errorCode = UUID.randomUUID().toString();
        Map<String, Object> fields = invocation.logFields(status);
        fields.put("error_code", errorCode);
        fields.put("error_message", clientMessage);
        fields.putAll(details);
        log.log(level, "request failed", fields);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(CONTENT_TYPE, JSON);
        return json(status, new ErrorBody("(error_code: " + errorCode + ") - " + clientMessage), headers);
    }

    private static APIGatewayProxyResponseEvent json(int status, Object body, Map<String, String> headers) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(status)
                    .withHeaders(headers)
                    .withBody(ApiJson.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** {@code {"error_message": "..."}}. */
    record ErrorBody(String errorMessage) {
    }

    /** One request, as its log lines identify it. */
    private record Invocation(String route, APIGatewayProxyRequestEvent request, Context context, long startedNanos) {

        /** Ids that tie the line to API Gateway's and Lambda's own logs; never the body, which may be large. */
        Map<String, Object> logFields(int status) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("route", route);
            fields.put("status", status);
            if (context != null) {
                fields.put("aws_request_id", context.getAwsRequestId());
            }
            if (request != null && request.getRequestContext() != null) {
                fields.put("api_request_id", request.getRequestContext().getRequestId());
            }
            return fields;
        }
    }
}
