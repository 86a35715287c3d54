package dev.ec2inventory.local.cfn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for CloudFormation's pre-signed ResponseURL, on 127.0.0.1 only: a custom-resource handler run locally
 * PUTs its answer here, and the caller reads the body CloudFormation would have received.
 */
public final class ResponseCapture implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    private ResponseCapture(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port of the loopback address. */
    public static ResponseCapture start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ResponseCapture capture = new ResponseCapture(server);
            server.createContext("/", capture::handle);
            server.start();
            return capture;
        } catch (IOException e) {
            throw new UncheckedIOException("the response capture endpoint cannot listen on 127.0.0.1", e);
        }
    }

    /** A new ResponseURL, for one event. */
    public URI newResponseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/responses/" + UUID.randomUUID());
    }

    /** The body PUT to {@code responseUrl}, if one was. */
    public Optional<String> body(URI responseUrl) {
        return Optional.ofNullable(bodies.get(responseUrl.getPath()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!"PUT".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            bodies.put(exchange.getRequestURI().getPath(), body);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
