package dev.ec2inventory.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes a function's proxy response as HTTP, as API Gateway does: multi-value headers win, base64 bodies decoded. */
final class ProxyResponse {

    private ProxyResponse() {
    }

    static void write(HttpExchange exchange, String requestId, APIGatewayProxyResponseEvent response)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        Map<String, String> single = response.getHeaders() == null ? Map.of() : response.getHeaders();
        single.forEach(headers::set);
        Map<String, List<String>> multi = response.getMultiValueHeaders() == null ? Map.of()
                : response.getMultiValueHeaders();
        multi.forEach(headers::put);
        if (!headers.containsKey("Content-Type")) {
            headers.set("Content-Type", "application/json");
        }
        headers.set("x-amzn-RequestId", requestId);
        byte[] body = bodyBytes(response);
        exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
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
