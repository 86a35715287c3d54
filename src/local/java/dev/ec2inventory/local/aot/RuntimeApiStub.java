package dev.ec2inventory.local.aot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A loopback stand-in for Lambda's Runtime API, as Lambda's runtime interface client uses it: the function polls
 * {@code invocation/next} for an event, then posts its response or error. Each {@link #invoke} queues one event and
 * completes when the function has answered it; {@link #initialized()} completes at the function's first poll, when
 * its init phase is over. It binds 127.0.0.1 on a free port.
 */
public final class RuntimeApiStub implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** An event, and the function it is sent to, as the invoked function's ARN names it. */
    private record Invocation(String id, String functionArn, byte[] event, CompletableFuture<Answer> answer) {
    }

    /**
     * What the function posted: its response, or its error (an error type and message as JSON), with the
     * {@link System#nanoTime()} of the event's delivery and of the answer's arrival.
     */
    public record Answer(boolean failed, String body, long deliveredNanos, long answeredNanos) {

        public long durationNanos() {
            return answeredNanos - deliveredNanos;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "runtime-api-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> initialized = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();

    private RuntimeApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext(PREFIX, this::serve);
        server.start();
    }

    public static RuntimeApiStub start() throws IOException {
        return new RuntimeApiStub();
    }

    /** {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues {@code event} for the function; the answer completes when the function has posted it. */
    public CompletableFuture<Answer> invoke(String functionArn, byte[] event) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), functionArn, event,
                new CompletableFuture<>());
        queued.add(invocation);
        return invocation.answer();
    }

    /** Completes with {@link System#nanoTime()} at the first poll for an event: the end of the init phase. */
    public CompletableFuture<Long> initialized() {
        return initialized;
    }

    /** Completes with the body of an init error, should the function report one. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String body = read(exchange.getRequestBody());
            if (path.equals("invocation/next")) {
                initialized.complete(System.nanoTime());
                next(exchange);
            } else if (path.equals("init/error")) {
                initError.complete(body);
                respond(exchange, 202, "{}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation answered = inFlight.remove(id);
                if (answered == null) {
                    respond(exchange, 400, "{\"errorMessage\": \"unknown request id\"}");
                    return;
                }
                answered.answer().complete(new Answer(path.endsWith("/error"), body,
                        deliveredAt.remove(answered.id()), System.nanoTime()));
                respond(exchange, 202, "{}");
            } else {
                respond(exchange, 404, "{\"errorMessage\": \"not served by the stub\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = queued.take();
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
            return;
        }
        inFlight.put(invocation.id(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.set("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + Duration.ofSeconds(25).toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                + "-" + invocation.id().replace("-", "").substring(0, 24) + ";Parent=53995c3f42cd8ad8;Sampled=1");
        headers.set("Content-Type", "application/json");
        deliveredAt.put(invocation.id(), System.nanoTime());
        exchange.sendResponseHeaders(200, invocation.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.event());
        }
    }

    private static String read(InputStream body) throws IOException {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
