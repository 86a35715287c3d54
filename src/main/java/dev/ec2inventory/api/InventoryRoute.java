package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ec2inventory.inventory.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Every route's handler: 200 with the JSON of its {@link #answer}, or an error from {@link FailureResponses} whose
 * code its log line repeats. Public so that Lambda can call the inherited {@code handleRequest}; each route's public
 * no-arg constructor is Lambda's entry point.
 */
public abstract class InventoryRoute
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, RequestStreamHandler {

    static final String AWS_INSTANCE_ID = "aws_instance_id";
    static final String PACKAGE_NAME = "package_name";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String JSON = "application/json";

    private final String route;
    private final FunctionWiring wiring;

    InventoryRoute(String route, FunctionWiring wiring) {
        this.route = route;
        this.wiring = wiring;
    }

    /** The 200 answer's body; a failure is thrown, for the failure table. */
    abstract Object answer(APIGatewayProxyRequestEvent request, Inventory inventory);

    @Override
    public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        long startedNanos = System.nanoTime();
        try {
            APIGatewayProxyResponseEvent response = json(200, answer(request, wiring.inventory()),
                    Map.of(CONTENT_TYPE, JSON));
            if (wiring.logs(LogLevel.DEBUG)) {
                Map<String, Object> fields = logFields(request, context, 200);
                fields.put("duration_ms", (System.nanoTime() - startedNanos) / 1_000_000);
                wiring.log(LogLevel.DEBUG, "request handled", fields);
            }
            return response;
        } catch (RuntimeException failure) {
            return error(request, context, FailureResponses.of(failure));
        }
    }

    /** What Lambda's runtime calls: the event in and out as JSON, through {@link ProxyEventJson}. */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ProxyEventJson.answer(input, output, request -> handleRequest(request, context));
    }

    /** API Gateway always fills it in; a direct invoke or a misrouted event may not. */
    static String awsInstanceId(APIGatewayProxyRequestEvent request) {
        return pathParameter(request, AWS_INSTANCE_ID, "/ec2/{aws_instance_id}");
    }

    /** Decoded, as API Gateway hands it over: {@code %40scope%2Fname} in the path is {@code @scope/name} here. */
    static String packageName(APIGatewayProxyRequestEvent request) {
        return pathParameter(request, PACKAGE_NAME, "/packages/{package_name}");
    }

    private static String pathParameter(APIGatewayProxyRequestEvent request, String name, String pathTemplate) {
        Map<String, String> parameters = request.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null) {
            throw new BadRequestException(name + " is required in the path: " + pathTemplate);
        }
        return value;
    }

    private APIGatewayProxyResponseEvent error(APIGatewayProxyRequestEvent request, Context context,
            FailureResponses.FailureResponse failure) {
        String errorCode = UUID.randomUUID().toString();
        Map<String, Object> fields = logFields(request, context, failure.status());
        fields.put("error_code", errorCode);
        fields.put("error_message", failure.clientMessage());
        fields.putAll(failure.logDetails());
        wiring.log(failure.level(), "request failed", fields);
        Map<String, String> headers = new LinkedHashMap<>(failure.headers());
        headers.put(CONTENT_TYPE, JSON);
        return json(failure.status(), new ErrorBody("(error_code: " + errorCode + ") - " + failure.clientMessage()),
                headers);
    }

    /** Ids that tie the line to API Gateway's and Lambda's own logs; never the body, which may be large. */
    private Map<String, Object> logFields(APIGatewayProxyRequestEvent request, Context context, int status) {
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

    private static APIGatewayProxyResponseEvent json(int status, Object body, Map<String, String> headers) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(status)
                    .withHeaders(headers)
                    .withBody(StrictJson.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    record ErrorBody(String errorMessage) {
    }
}
