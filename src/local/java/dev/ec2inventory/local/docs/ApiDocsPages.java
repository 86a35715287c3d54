package dev.ec2inventory.local.docs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ec2inventory.local.gateway.ApiGatewayServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The local runner's API page, beside the API on the local gateway: {@code /openapi.yaml}, the project's document
 * aimed at the local server ({@link LocalApiDocument}), and {@code /docs}, Swagger UI from the
 * {@code org.webjars:swagger-ui} webjar over that document, where every route can be tried against the local stack.
 * Local code only: the deployed API has neither.
 */
public final class ApiDocsPages {

    /** The document's file name, beside template.yaml at the project's root. */
    public static final String DOCUMENT_FILE = "openapi.yaml";
    public static final String DOCUMENT_PATH = "/openapi.yaml";
    public static final String PAGE_PATH = "/docs";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "application/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>ec2-inventory API (local)</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
              <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="/docs/swagger-ui-bundle.js"></script>
            <script>
              window.ui = SwaggerUIBundle({
                url: '/openapi.yaml',
                dom_id: '#swagger-ui',
                deepLinking: true,
                displayRequestDuration: true,
                presets: [SwaggerUIBundle.presets.apis],
                layout: 'BaseLayout'
              });
            </script>
            </body>
            </html>
            """;

    private final LocalApiDocument document;
    private final String webjarRoot;

    private ApiDocsPages(LocalApiDocument document, String webjarRoot) {
        this.document = document;
        this.webjarRoot = webjarRoot;
    }

    /** Where the page is, for a stack whose template has the document beside it. */
    public static Optional<URI> pageOf(Path template, URI apiEndpoint) {
        return Files.isRegularFile(documentBeside(template))
                ? Optional.of(URI.create(apiEndpoint + PAGE_PATH)) : Optional.empty();
    }

    /** Adds both pages to the gateway, when the template has the document beside it. */
    public static void serveBeside(Path template, ApiGatewayServer gateway, Consumer<String> console) {
        Path file = documentBeside(template);
        if (!Files.isRegularFile(file)) {
            console.accept("no " + DOCUMENT_FILE + " beside " + template + ": " + PAGE_PATH + " is not served");
            return;
        }
        ApiDocsPages pages = new ApiDocsPages(LocalApiDocument.read(file), WEBJAR + webjarVersion() + "/");
        gateway.serveLocally(DOCUMENT_PATH, pages::document);
        gateway.serveLocally(PAGE_PATH, pages::page);
    }

    private static Path documentBeside(Path template) {
        return template.toAbsolutePath().resolveSibling(DOCUMENT_FILE);
    }

    private void document(HttpExchange exchange) throws IOException {
        if (refused(exchange, DOCUMENT_PATH)) {
            return;
        }
        URI origin = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host"));
        send(exchange, 200, "application/yaml; charset=utf-8",
                document.renderFor(origin).getBytes(StandardCharsets.UTF_8));
    }

    private void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(PAGE_PATH) || path.equals(PAGE_PATH + "/")) {
            if (!refused(exchange, path)) {
                send(exchange, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        String asset = path.substring(PAGE_PATH.length()).replaceFirst("^/", "");
        if (!ASSETS.containsKey(asset)) {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!refused(exchange, path)) {
            send(exchange, 200, ASSETS.get(asset), webjarFile(asset));
        }
    }

    /** Only GET reads these pages; anything else, or another path under them, is answered here. */
    private static boolean refused(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            return true;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, "application/json",
                    "{\"message\":\"Method Not Allowed\"}".getBytes(StandardCharsets.UTF_8));
            return true;
        }
        return false;
    }

    private byte[] webjarFile(String asset) throws IOException {
        try (InputStream in = ApiDocsPages.class.getClassLoader().getResourceAsStream(webjarRoot + asset)) {
            if (in == null) {
                throw new IOException("the swagger-ui webjar has no " + asset);
            }
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The webjar's version, from its own Maven metadata, so that a version bump in the pom is all it takes. */
    private static String webjarVersion() {
        try (InputStream in = ApiDocsPages.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath (test scope in the pom)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
