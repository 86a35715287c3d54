package dev.ec2inventory.local.docs;

import dev.ec2inventory.local.gateway.ApiGatewayServer;
import dev.ec2inventory.local.gateway.LocalPage.Answer;
import java.io.IOException;
import java.io.InputStream;
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

    private Answer document(String method, String path, String host) {
        return refusal(method, path, DOCUMENT_PATH).orElseGet(() -> new Answer(200, "application/yaml; charset=utf-8",
                Map.of(), document.renderFor(URI.create("http://" + host)).getBytes(StandardCharsets.UTF_8)));
    }

    private Answer page(String method, String path, String host) {
        if (path.equals(PAGE_PATH) || path.equals(PAGE_PATH + "/")) {
            return refusal(method, path, path).orElseGet(() ->
                    new Answer(200, "text/html; charset=utf-8", Map.of(), PAGE.getBytes(StandardCharsets.UTF_8)));
        }
        String asset = path.substring(PAGE_PATH.length() + 1);
        if (!ASSETS.containsKey(asset)) {
            return message(404, "Not Found", Map.of());
        }
        return refusal(method, path, path).orElseGet(() -> new Answer(200, ASSETS.get(asset), Map.of(),
                webjarFile(asset)));
    }

    /** Only GET reads these pages; anything else, or another path under them, is answered here. */
    private static Optional<Answer> refusal(String method, String path, String servedPath) {
        if (!path.equals(servedPath)) {
            return Optional.of(message(404, "Not Found", Map.of()));
        }
        if (!method.equals("GET")) {
            return Optional.of(message(405, "Method Not Allowed", Map.of("Allow", "GET")));
        }
        return Optional.empty();
    }

    private static Answer message(int status, String message, Map<String, String> headers) {
        return new Answer(status, "application/json", headers,
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private byte[] webjarFile(String asset) {
        try (InputStream in = ApiDocsPages.class.getClassLoader().getResourceAsStream(webjarRoot + asset)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar has no " + asset);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
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
