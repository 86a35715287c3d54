package dev.ec2inventory.local.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven through its own DevTools protocol over a WebSocket: one page, JavaScript
 * evaluated in it, text typed as keyboard input, screenshots. No driver, no library beyond the JDK and Jackson.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts the browser on a new, empty profile, with its log in {@code log}, and attaches to its blank page. */
    static HeadlessChromium start(Path log) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=1280,1600", "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = devToolsPort(profile.resolve("DevToolsActivePort"), process);
            HeadlessChromium[] browser = new HeadlessChromium[1];
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(pageSocket(port), new Listener(message -> browser[0].receive(message)))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            browser[0] = new HeadlessChromium(process, profile, socket);
            return browser[0];
        } catch (IOException | InterruptedException | RuntimeException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            deleteProfile(profile);
            throw e instanceof IOException io ? io : new IOException("cannot attach to Chromium: " + e, e);
        }
    }

    void navigate(String url) {
        send("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression in the page; promises are awaited. */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * A left click with the mouse in the middle of the element {@code element} evaluates to, scrolled into view
     * first: focus moves as it would for a person (a JavaScript {@code click()} would leave it where it was).
     */
    void click(String element) {
        JsonNode centre = evaluate("(() => { const e = " + element + "; e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        double x = centre.get("x").asDouble();
        double y = centre.get("y").asDouble();
        send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
        }
    }

    /** Text sent as keyboard input to whatever has the focus. */
    void type(String text) {
        send("Input.insertText", Map.of("text", text));
    }

    void screenshot(Path png) throws IOException {
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** Waits, a bounded time, until the page shows what {@code expression} looks for; false if it never does. */
    boolean waitFor(String expression) throws InterruptedException {
        return poll(() -> evaluate(expression).asBoolean(false));
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteProfile(profile);
    }

    private JsonNode send(String method, Map<String, Object> params) {
        long id = nextId.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        socket.sendText(command.toString(), true);
        try {
            JsonNode message = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new IllegalStateException(method + " failed: " + message.get("error"));
            }
            return message.path("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + ": no answer from Chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    private void receive(String message) {
        try {
            JsonNode parsed = JSON.readTree(message);
            CompletableFuture<JsonNode> waiting = parsed.has("id") ? pending.get(parsed.get("id").asLong()) : null;
            if (waiting != null) {
                waiting.complete(parsed);
            }
        } catch (IOException ignoredEvent) {
            // Not an answer to a command of ours.
        }
    }

    /** Chromium writes the port it chose into the profile once it listens. */
    private static int devToolsPort(Path activePort, Process process) throws IOException, InterruptedException {
        if (!poll(() -> Files.isRegularFile(activePort) || !process.isAlive())) {
            throw new IOException("Chromium did not open its DevTools port within " + TIMEOUT);
        }
        if (!process.isAlive()) {
            throw new IOException("Chromium exited with " + process.exitValue() + " before it listened");
        }
        poll(() -> readLines(activePort).size() >= 2);
        return Integer.parseInt(readLines(activePort).get(0).trim());
    }

    private static URI pageSocket(int port) throws IOException, InterruptedException {
        String targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(), BodyHandlers.ofString()).body();
        for (JsonNode target : JSON.readTree(targets)) {
            if ("page".equals(target.path("type").asText())) {
                return URI.create(target.get("webSocketDebuggerUrl").asText());
            }
        }
        throw new IOException("Chromium has no page to attach to: " + targets);
    }

    private static boolean poll(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + profile, e);
        }
    }

    /** Joins a message's fragments and hands each whole message on. */
    private record Listener(Consumer<String> onMessage, StringBuilder buffer)
            implements WebSocket.Listener {

        Listener(Consumer<String> onMessage) {
            this(onMessage, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String message = buffer.toString();
                buffer.setLength(0);
                onMessage.accept(message);
            }
            webSocket.request(1);
            return null;
        }
    }
}
