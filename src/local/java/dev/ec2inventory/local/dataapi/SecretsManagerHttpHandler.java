package dev.ec2inventory.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Secrets Manager's {@code GetSecretValue} for the secrets the emulator serves, on the emulator's own endpoint: each
 * secret holds the user name and password of its binding's server account, as a Data API secret does on AWS. So the
 * migration function reads the application user's password the way it does when deployed.
 */
final class SecretsManagerHttpHandler implements HttpHandler {

    private static final String TARGET_PREFIX = "secretsmanager.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ClusterBinding> bindings;

    SecretsManagerHttpHandler(List<ClusterBinding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    /** Secrets Manager's JSON protocol names the operation in a header; the Data API's REST protocol in the path. */
    static boolean isFor(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        return target != null && target.startsWith(TARGET_PREFIX);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target").substring(TARGET_PREFIX.length());
            if (!operation.equals("GetSecretValue")) {
                send(exchange, 400, error("UnknownOperationException",
                        "The local Secrets Manager answers GetSecretValue only"));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String secretId = request == null ? "" : request.path("SecretId").asText("");
            Optional<ClusterBinding> secret = bindings.stream()
                    .filter(binding -> binding.secretArn().equals(secretId) || name(binding).equals(secretId))
                    .findFirst();
            if (secret.isEmpty()) {
                send(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            send(exchange, 200, value(secret.get()));
        }
    }

    private static Map<String, Object> value(ClusterBinding binding) throws IOException {
        Map<String, String> credentials = Map.of("username", binding.databaseServer().user(),
                "password", binding.databaseServer().password());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ARN", binding.secretArn());
        answer.put("Name", name(binding));
        answer.put("VersionId", UUID.nameUUIDFromBytes(binding.secretArn().getBytes()).toString());
        answer.put("SecretString", JSON.writeValueAsString(credentials));
        answer.put("VersionStages", List.of("AWSCURRENT"));
        return answer;
    }

    /** {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}. */
    private static String name(ClusterBinding binding) {
        String arn = binding.secretArn();
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private static Map<String, Object> error(String type, String message) {
        return Map.of("__type", type, "message", message);
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
