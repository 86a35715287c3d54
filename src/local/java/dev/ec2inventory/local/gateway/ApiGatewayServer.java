package dev.ec2inventory.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.sam.ApiRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A REST API with Lambda proxy integrations, served on 127.0.0.1: each request is matched to a route of the
 * template, turned into an {@link APIGatewayProxyRequestEvent}, handed to the route's function, and the function's
 * {@link APIGatewayProxyResponseEvent} is written back. Answers API Gateway gives without calling a function
 * (unknown route, payload too large, function error) use API Gateway's own bodies.
 */
public final class ApiGatewayServer implements AutoCloseable {

    /** API Gateway's payload limit. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    private static final int WORKER_THREADS = 16;

    private final HttpServer server;
    private final ExecutorService workers;
    private final RouteTable routes;
    private final String stage;
    private final Consumer<String> console;

    private ApiGatewayServer(HttpServer server, ExecutorService workers, RouteTable routes, String stage,
                             Consumer<String> console) {
        this.server = server;
        this.workers = workers;
        this.routes = routes;
        this.stage = stage;
        this.console = console;
    }

    /**
     * @param port  0 for any free port
     * @param stage the stage name put in each event's request context
     */
    public static ApiGatewayServer start(int port, Map<ApiRoute, LocalFunction> routes, String stage,
                                         Consumer<String> console) {
        RouteTable table = new RouteTable();
        routes.forEach(table::add);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, runnable -> {
                Thread thread = new Thread(runnable, "api-gateway");
                thread.setDaemon(true);
                return thread;
            });
            ApiGatewayServer gateway = new ApiGatewayServer(server, workers, table, stage, console);
            server.createContext("/", gateway::handle);
            server.setExecutor(workers);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code path}, and what is under it, with {@code handler} instead of the API: the runner's own pages. */
    public void serveLocally(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            var match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                send(exchange, requestId, 403, "{\"message\":\"Missing Authentication Token\"}");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body.length > MAX_PAYLOAD_BYTES) {
                send(exchange, requestId, 413, "{\"message\":\"Request Too Long\"}");
                return;
            }
            APIGatewayProxyRequestEvent event = ProxyRequest.event(match.get(), method, rawPath,
                    exchange.getRequestURI().getRawQuery(), headersOf(exchange), body, stage, requestId,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            respond(exchange, requestId, match.get().function(), event);
        }
    }

    private void respond(HttpExchange exchange, String requestId, LocalFunction function,
                         APIGatewayProxyRequestEvent event) throws IOException {
        Object result;
        try {
            result = function.invoke(event);
        } catch (RuntimeException functionError) {
            console.accept("[" + function.definition().logicalId() + "] unhandled error: " + stackTrace(functionError));
            send(exchange, requestId, 502, "{\"message\": \"Internal server error\"}");
            return;
        }
        if (!(result instanceof APIGatewayProxyResponseEvent response) || response.getStatusCode() == null) {
            console.accept("[" + function.definition().logicalId() + "] returned no proxy response: " + result);
            send(exchange, requestId, 502, "{\"message\": \"Internal server error\"}");
            return;
        }
        ProxyResponse.write(exchange, requestId, response);
    }

    private static void send(HttpExchange exchange, String requestId, int status, String json) throws IOException {
        ProxyResponse.write(exchange, requestId, new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json", "x-amzn-ErrorType",
                        status == 403 ? "MissingAuthenticationTokenException" : "InternalServerErrorException"))
                .withBody(json));
    }

    private static Map<String, List<String>> headersOf(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        headers.put("X-Forwarded-For", List.of(exchange.getRemoteAddress().getAddress().getHostAddress()));
        headers.put("X-Forwarded-Proto", List.of("http"));
        headers.put("X-Forwarded-Port", List.of(String.valueOf(exchange.getLocalAddress().getPort())));
        return headers;
    }

    /** Reads at most one byte more than the payload limit, so an oversized body is recognised without being held. */
    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(MAX_PAYLOAD_BYTES + 1);
    }

    private static String stackTrace(Throwable error) {
        StringWriter writer = new StringWriter();
        error.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
