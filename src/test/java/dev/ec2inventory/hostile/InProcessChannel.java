package dev.ec2inventory.hostile;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.hostile.HostileCase.Level;
import dev.ec2inventory.local.lambda.FunctionError;
import dev.ec2inventory.local.lambda.LocalFunction;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the functions in this JVM through the local runner's own host ({@link LocalFunction}: handler built from its
 * environment, invoked as Lambda invokes it), with the event a REST API's proxy integration sends for the request:
 * the route {@code /ec2/{aws_instance_id}}, the path parameter percent-decoded as UTF-8, and the body as text when it
 * is valid UTF-8 of a text type, otherwise base64 with {@code isBase64Encoded}. A request that no route takes (the
 * gateway answers those itself) cannot run here: its case must be marked {@code "level": "http"}.
 */
final class InProcessChannel implements Channel {

    private static final String RESOURCE = "/ec2/{aws_instance_id}";

    private final LocalFunction add;
    private final LocalFunction get;

    InProcessChannel(LocalFunction add, LocalFunction get) {
        this.add = add;
        this.get = get;
    }

    @Override
    public Level level() {
        return Level.HANDLER;
    }

    @Override
    public Reply send(HostileRequest request) {
        LocalFunction function = switch (request.method()) {
            case "POST" -> add;
            case "GET" -> get;
            default -> throw new IllegalArgumentException("no function serves " + request.method()
                    + "; mark the case \"level\": \"http\"");
        };
        if (PathCodec.utf8(request.rawPath(), CodingErrorAction.REPORT).isEmpty()) {
            throw new IllegalArgumentException("the raw path is not UTF-8; mark the case \"level\": \"http\"");
        }
        String path = request.pathWithoutQuery();
        String id = request.awsInstanceId().orElseThrow(() -> new IllegalArgumentException("no route takes " + path
                + " or the gateway refuses it itself; mark the case \"level\": \"http\""));
        return invoke(function, event(request, path, id));
    }

    @Override
    public Reply read(String awsInstanceId) {
        String path = HostileRequest.ID_PREFIX + PathCodec.encodeSegment(awsInstanceId);
        HostileRequest request = new HostileRequest("GET", path.getBytes(StandardCharsets.UTF_8), List.of(), null,
                null);
        return invoke(get, event(request, path, awsInstanceId));
    }

    private static APIGatewayProxyRequestEvent event(HostileRequest request, String path, String id) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
        request.headers().forEach(header -> {
            headers.put(header.getKey(), header.getValue());
            multiValueHeaders.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue());
        });
        byte[] body = request.body() == null ? new byte[0] : request.body();
        String text = isText(request.header("Content-Type"))
                ? PathCodec.utf8(body, CodingErrorAction.REPORT).orElse(null) : null;
        return new APIGatewayProxyRequestEvent()
                .withResource(RESOURCE)
                .withPath(path)
                .withHttpMethod(request.method())
                .withHeaders(headers.isEmpty() ? null : headers)
                .withMultiValueHeaders(multiValueHeaders.isEmpty() ? null : multiValueHeaders)
                .withPathParameters(Map.of("aws_instance_id", id))
                .withRequestContext(new ProxyRequestContext()
                        .withStage("Prod")
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttpMethod(request.method())
                        .withResourcePath(RESOURCE)
                        .withPath("/Prod" + path))
                .withBody(body.length == 0 ? null : text != null ? text : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && text == null);
    }

    /** Like a REST API without binary media types: text and JSON pass as text, anything else as base64. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/x-www-form-urlencoded") || type.equals("application/javascript");
    }

    /** The function's answer; an unhandled error is what API Gateway makes of one: 502 Internal server error. */
    private static Reply invoke(LocalFunction function, APIGatewayProxyRequestEvent event) {
        Object result;
        try {
            result = function.invoke(event);
        } catch (FunctionError unhandled) {
            byte[] body = "{\"message\": \"Internal server error\"}".getBytes(StandardCharsets.UTF_8);
            return new Reply(502, List.of(), body, "handler threw " + unhandled.getCause());
        }
        if (!(result instanceof APIGatewayProxyResponseEvent response) || response.getStatusCode() == null) {
            return new Reply(502, List.of(), new byte[0], "handler returned " + result);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.add(new SimpleEntry<>(name, value)));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) ->
                    values.forEach(value -> headers.add(new SimpleEntry<>(name, value))));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        return new Reply(response.getStatusCode(), headers, body, "handler");
    }
}
