package dev.ec2inventory.hostile;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.hostile.HostileCase.Level;
import dev.ec2inventory.local.gateway.GatewayEvents;
import dev.ec2inventory.local.lambda.FunctionError;
import dev.ec2inventory.local.lambda.LocalFunction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the functions in this JVM through the local runner's own host ({@link LocalFunction}: handler built from its
 * environment, invoked as Lambda invokes it), with the event the local gateway's own route table and event builder
 * make of the request ({@link GatewayEvents}). A request the gateway answers itself (no route, a malformed path)
 * never reaches a function, so it cannot run here: its case must be marked {@code "level": "http"}.
 */
final class InProcessChannel implements Channel {

    private final GatewayEvents gateway;

    InProcessChannel(GatewayEvents gateway) {
        this.gateway = gateway;
    }

    @Override
    public Level level() {
        return Level.HANDLER;
    }

    @Override
    public Reply send(HostileRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(header ->
                headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue()));
        GatewayEvents.Routed routed = gateway.route(request.method(), request.rawPath(), headers,
                request.body() == null ? new byte[0] : request.body()).orElseThrow(() -> new IllegalArgumentException(
                        "the gateway answers " + request.method() + " " + request.pathText()
                                + " itself; mark the case \"level\": \"http\""));
        return invoke(routed.function(), routed.event());
    }

    @Override
    public Reply read(String awsInstanceId) {
        String path = HostileRequest.ID_PREFIX + PathCodec.encodeSegment(awsInstanceId);
        return send(new HostileRequest("GET", path.getBytes(StandardCharsets.UTF_8), List.of(), null, null));
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
