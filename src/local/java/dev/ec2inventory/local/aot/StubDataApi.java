package dev.ec2inventory.local.aot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback RDS Data API with the {@link FixedAnswers}, for the AOT training run and the cold-start benchmarks: no
 * database behind it, so what is trained or timed is the function and its SDK. It answers as the service does: rows
 * for a SELECT (with {@code columnMetadata} only when asked), update counts for writes, a transaction id, the status
 * strings of commit and rollback, and the service's 400 for a statement of no known shape.
 *
 * <p>It binds 127.0.0.1 on a free port, serves on daemon threads, and stops when closed or, at the latest, after
 * {@code lifetime}, so it never outlives the process that started it.
 */
public final class StubDataApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final Thread deadline;

    private StubDataApi(Duration lifetime) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newFixedThreadPool(2, work -> {
            Thread thread = new Thread(work, "stub-data-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
        deadline = new Thread(() -> {
            try {
                Thread.sleep(lifetime.toMillis());
                close();
            } catch (InterruptedException closedFirst) {
                Thread.currentThread().interrupt();
            }
        }, "stub-data-api-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    public static StubDataApi start(Duration lifetime) throws IOException {
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        return new StubDataApi(lifetime);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        deadline.interrupt();
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request;
        try (InputStream body = exchange.getRequestBody()) {
            request = JSON.readTree(body.readAllBytes());
        }
        ObjectNode response;
        try {
            response = switch (exchange.getRequestURI().getPath()) {
                case "/Execute" -> execute(request);
                case "/BeginTransaction" -> JSON.createObjectNode().put("transactionId", FixedAnswers.TRANSACTION_ID);
                case "/CommitTransaction" -> JSON.createObjectNode().put("transactionStatus", "Transaction Committed");
                case "/RollbackTransaction" -> JSON.createObjectNode().put("transactionStatus", "Rollback Complete");
                default -> throw new IllegalArgumentException("not served by the stub");
            };
        } catch (IllegalArgumentException unanswered) {
            respond(exchange, 400, JSON.createObjectNode().put("message", unanswered.getMessage()));
            return;
        }
        respond(exchange, 200, response);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 400) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "BadRequestException");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode execute(JsonNode request) {
        String sql = request.path("sql").asText();
        ObjectNode response = JSON.createObjectNode();
        if (!FixedAnswers.isQuery(sql)) {
            response.putArray("generatedFields");
            return response.put("numberOfRecordsUpdated", FixedAnswers.updateCountOf(sql));
        }
        FixedAnswers.ResultSet result = FixedAnswers.resultOf(sql);
        response.put("numberOfRecordsUpdated", 0);
        if (request.path("includeResultMetadata").asBoolean(false)) {
            ArrayNode columns = response.putArray("columnMetadata");
            result.columns().forEach(column -> columns.add(metadata(column)));
        }
        ArrayNode records = response.putArray("records");
        for (var values : result.rows()) {
            ArrayNode row = records.addArray();
            values.forEach(value -> {
                if (value == null) {
                    row.addObject().put("isNull", true);
                } else if (value instanceof Long number) {
                    row.addObject().put("longValue", number);
                } else {
                    row.addObject().put("stringValue", (String) value);
                }
            });
        }
        return response;
    }

    private static ObjectNode metadata(FixedAnswers.Column column) {
        return JSON.createObjectNode()
                .put("arrayBaseColumnType", 0).put("isAutoIncrement", false).put("isCaseSensitive", false)
                .put("isCurrency", false).put("isSigned", false).put("label", column.name())
                .put("name", column.name()).put("nullable", 0).put("precision", column.precision()).put("scale", 0)
                .put("schemaName", "").put("tableName", column.table()).put("type", column.jdbcType())
                .put("typeName", column.typeName());
    }
}
