package dev.ec2inventory.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One HTTP answer as the gateway sends it: headers in order (a name may repeat), and the body's bytes. */
record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    GatewayResponse {
        headers = List.copyOf(headers);
    }

    /** API Gateway's own answer: {@code {"message": ...}} as JSON, with its error type when it names one. */
    static GatewayResponse message(int status, String message, String errorType) {
        try {
            return json(status, JSON.writeValueAsString(Map.of("message", message)), errorType);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The same answer carrying API Gateway's request id, as every answer of API Gateway does. */
    GatewayResponse withRequestId(String requestId) {
        List<Map.Entry<String, String>> withId = new ArrayList<>(headers);
        withId.removeIf(header -> header.getKey().equalsIgnoreCase("x-amzn-RequestId"));
        withId.add(Map.entry("x-amzn-RequestId", requestId));
        return new GatewayResponse(status, withId, body);
    }

    /** A local page's answer, as it gave it. */
    static GatewayResponse of(LocalPage.Answer answer) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", answer.contentType()));
        headers.addAll(answer.headers().entrySet());
        return new GatewayResponse(answer.status(), headers, answer.body());
    }

    /** A JSON answer with exactly these bytes, for the bodies API Gateway spells in its own way. */
    static GatewayResponse json(int status, String json, String errorType) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> headers = errorType == null
                ? List.of(Map.entry("Content-Type", "application/json"))
                : List.of(Map.entry("Content-Type", "application/json"), Map.entry("x-amzn-ErrorType", errorType));
        return new GatewayResponse(status, headers, body);
    }
}
