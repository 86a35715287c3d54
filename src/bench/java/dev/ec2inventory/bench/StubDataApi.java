package dev.ec2inventory.bench;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback RDS Data API with fixed answers, for cold starts: no database behind it, so what is timed is the
 * function and its SDK, not MySQL. It answers as the service does for the statements the two functions (and the
 * seed's Python handler) send: the stored instance {@link #INSTANCE_ID} with four packages for a SELECT, with
 * {@code columnMetadata} only when {@code includeResultMetadata} asks for it; update counts for INSERTs; a transaction
 * id for BeginTransaction; the service's status strings for commit and rollback.
 *
 * <p>It binds 127.0.0.1 on a free port, serves on daemon threads, and stops when closed or, at the latest, after
 * {@code lifetime}, so it never outlives the harness that started it.
 */
final class StubDataApi implements AutoCloseable {

    static final String INSTANCE_ID = "i-01aaae43feb712345";
    static final String CREATED = "2026-11-25 11:24:48";
    static final String TRANSACTION_ID = "AQC5SRDIm+Rsq0/L1MZ8E6fbprm9ghLrpDsTaXu7MCt2Ue23mQgOIOQ1a/3YDE2OTE5RT";
    static final List<String[]> PACKAGES = List.of(new String[] {"package-1", "v1"},
            new String[] {"package-1", "v2"}, new String[] {"package-2", "v1"}, new String[] {"package-3", "v1"});
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final Thread deadline;
    private final AtomicLong calls = new AtomicLong();

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

    static StubDataApi start(Duration lifetime) throws IOException {
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        return new StubDataApi(lifetime);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        deadline.interrupt();
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        JsonNode request;
        try (InputStream body = exchange.getRequestBody()) {
            request = JSON.readTree(body.readAllBytes());
        }
        ObjectNode response = switch (exchange.getRequestURI().getPath()) {
            case "/Execute" -> execute(request);
            case "/BeginTransaction" -> JSON.createObjectNode().put("transactionId", TRANSACTION_ID);
            case "/CommitTransaction" -> JSON.createObjectNode().put("transactionStatus", "Transaction Committed");
            case "/RollbackTransaction" -> JSON.createObjectNode().put("transactionStatus", "Rollback Complete");
            default -> null;
        };
        byte[] bytes = response == null
                ? "{\"message\":\"not served by the stub\"}".getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(response);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response == null ? 400 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode execute(JsonNode request) {
        String sql = request.path("sql").asText().toLowerCase(Locale.ROOT).replace("`", "");
        boolean withMetadata = request.path("includeResultMetadata").asBoolean(false);
        ObjectNode response = JSON.createObjectNode();
        if (!sql.startsWith("select")) {
            int rows = sql.split("\\)\\s*,\\s*\\(", -1).length;
            response.putArray("generatedFields");
            return response.put("numberOfRecordsUpdated", rows);
        }
        response.put("numberOfRecordsUpdated", 0);
        if (sql.contains("join")) {
            instanceWithPackages(response, withMetadata);
        } else if (sql.contains("from ec2_package")) {
            seedPackageRelations(response, withMetadata);
        } else {
            seedInstance(response, withMetadata);
        }
        return response;
    }

    /** The functions' one SELECT: the instance joined to its packages, one row per package. */
    private static void instanceWithPackages(ObjectNode response, boolean withMetadata) {
        if (withMetadata) {
            ArrayNode columns = response.putArray("columnMetadata");
            columns.add(column("aws_instance_id", "ec2", 12, "VARCHAR", 30));
            columns.add(column("aws_region", "ec2", 12, "VARCHAR", 20));
            columns.add(column("aws_account", "ec2", 12, "VARCHAR", 20));
            columns.add(column("creation_date_utc", "ec2", 93, "DATETIME", 19));
            columns.add(column("package_name", "ec2_package", 12, "VARCHAR", 100));
            columns.add(column("package_version", "ec2_package", 12, "VARCHAR", 100));
        }
        ArrayNode records = response.putArray("records");
        for (String[] pkg : PACKAGES) {
            records.add(row(INSTANCE_ID, "us-east-1", "123456789012", CREATED, pkg[0], pkg[1]));
        }
    }

    /** The seed's first SELECT: the instance alone. */
    private static void seedInstance(ObjectNode response, boolean withMetadata) {
        if (withMetadata) {
            ArrayNode columns = response.putArray("columnMetadata");
            columns.add(column("aws_instance_id", "ec2", 12, "VARCHAR", 30));
            columns.add(column("aws_region", "ec2", 12, "VARCHAR", 20));
            columns.add(column("aws_account", "ec2", 12, "VARCHAR", 20));
        }
        response.putArray("records").add(row(INSTANCE_ID, "us-east-1", "123456789012"));
    }

    /** The seed's second SELECT: the instance's package links. */
    private static void seedPackageRelations(ObjectNode response, boolean withMetadata) {
        if (withMetadata) {
            ArrayNode columns = response.putArray("columnMetadata");
            columns.add(column("aws_instance_id", "ec2_package", 12, "VARCHAR", 30));
            columns.add(column("package_name", "ec2_package", 12, "VARCHAR", 100));
            columns.add(column("package_version", "ec2_package", 12, "VARCHAR", 100));
        }
        ArrayNode records = response.putArray("records");
        for (String[] pkg : PACKAGES) {
            records.add(row(INSTANCE_ID, pkg[0], pkg[1]));
        }
    }

    /** A column as the service describes it for MySQL. */
    private static ObjectNode column(String name, String table, int jdbcType, String typeName, int precision) {
        return JSON.createObjectNode()
                .put("arrayBaseColumnType", 0).put("isAutoIncrement", false).put("isCaseSensitive", false)
                .put("isCurrency", false).put("isSigned", false).put("label", name).put("name", name)
                .put("nullable", 0).put("precision", precision).put("scale", 0).put("schemaName", "")
                .put("tableName", table).put("type", jdbcType).put("typeName", typeName);
    }

    private static ArrayNode row(String... values) {
        ArrayNode row = JSON.createArrayNode();
        for (String value : values) {
            row.addObject().put("stringValue", value);
        }
        return row;
    }
}
