package dev.ec2inventory.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a function's proxy response into HTTP, as API Gateway does: multi-value headers win over single-value ones
 * of the same name, base64 bodies are decoded, and a response API Gateway could not send is empty (a 502).
 */
final class ProxyResponse {

    private ProxyResponse() {
    }

    /** The HTTP answer, or empty when the function's response is malformed (no or an impossible status, bad base64). */
    static Optional<GatewayResponse> of(String requestId, APIGatewayProxyResponseEvent response) {
        Integer status = response.getStatusCode();
        if (status == null || status < 100 || status > 599) {
            return Optional.empty();
        }
        byte[] body;
        try {
            body = bodyBytes(response);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Map<String, List<String>> byName = new LinkedHashMap<>();
        Map<String, String> single = response.getHeaders() == null ? Map.of() : response.getHeaders();
        single.forEach((name, value) -> put(byName, name, List.of(value)));
        Map<String, List<String>> multi = response.getMultiValueHeaders() == null ? Map.of()
                : response.getMultiValueHeaders();
        multi.forEach((name, values) -> put(byName, name, values));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        byName.forEach((name, values) -> values.forEach(value -> headers.add(Map.entry(name, value))));
        if (headers.stream().noneMatch(header -> header.getKey().equalsIgnoreCase("Content-Type"))) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        headers.removeIf(header -> header.getKey().equalsIgnoreCase("x-amzn-RequestId")
                || isFramingHeader(header.getKey()) || !isSafe(header.getKey()) || !isSafe(header.getValue()));
        headers.add(Map.entry("x-amzn-RequestId", requestId));
        return Optional.of(new GatewayResponse(status, headers, body));
    }

    /** Replaces any earlier header of the same name, whatever its case. */
    private static void put(Map<String, List<String>> byName, String name, List<String> values) {
        byName.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        byName.put(name, values == null ? List.of() : values);
    }

    /** The server frames the body itself; a function's own Content-Length or Transfer-Encoding would contradict it. */
    private static boolean isFramingHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("content-length") || lower.equals("transfer-encoding") || lower.equals("connection");
    }

    /** No line breaks (which would start a new header) and no other control characters except tab. */
    private static boolean isSafe(String text) {
        return text != null && text.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }

    private static byte[] bodyBytes(APIGatewayProxyResponseEvent response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        return Boolean.TRUE.equals(response.getIsBase64Encoded())
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
