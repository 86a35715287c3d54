package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a route's work and turns its outcome into the API's answer: 200 with the work's JSON, or an error with
 * {@code {"error_message": "(error_code: <uuid>) - <message>"}}, its status, message and headers from
 * {@link FailureResponses}. Each error is also one JSON log line with the same code and what the client is not told.
 */
final class Responder {

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String JSON = "application/json";

    private final JsonLog log;

    Responder(JsonLog log) {
        this.log = log;
    }

    /** Where functions that are not API routes (the EventBridge one) write their own lines. */
    JsonLog log() {
        return log;
    }

    APIGatewayProxyResponseEvent respond(String route, APIGatewayProxyRequestEvent request, Context context,
            Supplier<Object> work) {
        Invocation invocation = new Invocation(route, request, context, System.nanoTime());
        try {
            APIGatewayProxyResponseEvent response = json(200, work.get(), Map.of(CONTENT_TYPE, JSON));
            logHandled(invocation);
            return response;
        } catch (RuntimeException failure) {
            return error(invocation, FailureResponses.of(failure));
        }
    }

    private void logHandled(Invocation invocation) {
        if (log.isEnabled(LogLevel.DEBUG)) {
            Map<String, Object> fields = invocation.logFields(200);
            fields.put("duration_ms", (System.nanoTime() - invocation.startedNanos()) / 1_000_000);
            log.log(LogLevel.DEBUG, "request handled", fields);
        }
    }

    private APIGatewayProxyResponseEvent error(Invocation invocation, FailureResponses.FailureResponse failure) {
        String errorCode = UUID.randomUUID().toString();
        Map<String, Object> fields = invocation.logFields(failure.status());
        fields.put("error_code", errorCode);
        fields.put("error_message", failure.clientMessage());
        fields.putAll(failure.logDetails());
        log.log(failure.level(), "request failed", fields);
        Map<String, String> headers = new LinkedHashMap<>(failure.headers());
        headers.put(CONTENT_TYPE, JSON);
        return json(failure.status(), new ErrorBody("(error_code: " + errorCode + ") - " + failure.clientMessage()),
                headers);
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
