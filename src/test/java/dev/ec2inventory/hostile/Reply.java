package dev.ec2inventory.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An answer, from a handler or over HTTP: status (0 when the server answered nothing), headers in order, body bytes,
 * and how it was obtained (for the report of a failing case).
 */
record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, String transport) {

    private static final ObjectMapper JSON = new ObjectMapper();

    Reply {
        headers = List.copyOf(headers);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Optional<JsonNode> json() {
        try {
            return body.length == 0 ? Optional.empty() : Optional.ofNullable(JSON.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The message of an error: the functions' {@code error_message}, or API Gateway's own {@code message}. */
    Optional<String> errorMessage() {
        return json().filter(JsonNode::isObject).flatMap(node -> {
            if (node.hasNonNull("error_message")) {
                return Optional.of(node.get("error_message").asText());
            }
            return node.hasNonNull("message") ? Optional.of(node.get("message").asText()) : Optional.empty();
        });
    }

    Optional<String> header(String name) {
        return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** For failure messages: the status, how it came, and the start of the body. */
    String describe() {
        return status + " via " + transport + ": " + Shown.head(bodyText(), 400);
    }
}
