package dev.ec2inventory.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.contract.OpenApiContract;
import dev.ec2inventory.local.gateway.ApiGatewayServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /openapi.yaml and /docs on a local gateway (with no functions: the pages need none). */
class ApiDocsPagesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> console = new CopyOnWriteArrayList<>();
    private ApiGatewayServer gateway;

    @BeforeEach
    void startGateway() {
        gateway = ApiGatewayServer.start(0, Map.of(), "local", console::add);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void servesTheDocumentAimedAtTheLocalServerWithoutAuthorization() throws Exception {
        ApiDocsPages.serveBeside(Path.of("template.yaml"), gateway, console::add);

        HttpResponse<String> response = get("/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=utf-8");
        SwaggerParseResult local = new OpenAPIV3Parser().readContents(response.body(), null, null);
        assertThat(local.getMessages()).isEmpty();
        assertThat(local.getOpenAPI().getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo(gateway.endpoint().toString()));
        assertThat(local.getOpenAPI().getSecurity()).isNullOrEmpty();
        assertThat(local.getOpenAPI().getComponents().getSecuritySchemes()).isNullOrEmpty();
        local.getOpenAPI().getPaths().values().forEach(item -> item.readOperations()
                .forEach(operation -> assertThat(operation.getSecurity()).isNullOrEmpty()));
        OpenAPI root = new OpenAPIV3Parser().readContents(Files.readString(OpenApiContract.DOCUMENT), null, null)
                .getOpenAPI();
        root.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> operation.setSecurity(null)));
        assertThat(local.getOpenAPI().getPaths()).as("the same paths, but for their security").isEqualTo(root.getPaths());
        assertThat(local.getOpenAPI().getComponents().getSchemas()).isEqualTo(root.getComponents().getSchemas());
        assertThat(local.getOpenAPI().getInfo()).isEqualTo(root.getInfo());
    }

    @Test
    void servesSwaggerUiOverTheDocumentFromTheWebjar() throws Exception {
        ApiDocsPages.serveBeside(Path.of("template.yaml"), gateway, console::add);

        HttpResponse<String> page = get("/docs");
        HttpResponse<String> bundle = get("/docs/swagger-ui-bundle.js");
        HttpResponse<String> css = get("/docs/swagger-ui.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "url: '/openapi.yaml'");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle").hasSizeGreaterThan(1_000_000);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(get("/docs/").statusCode()).isEqualTo(200);
    }

    @Test
    void answersOnlyGetsOfItsOwnFiles() throws Exception {
        ApiDocsPages.serveBeside(Path.of("template.yaml"), gateway, console::add);

        assertThat(get("/docs/swagger-initializer.js").statusCode()).isEqualTo(404);
        assertThat(get("/docs/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/openapi.yaml/more").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/openapi.yaml"))
                .POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void leavesEveryOtherPathToTheApi() throws Exception {
        ApiDocsPages.serveBeside(Path.of("template.yaml"), gateway, console::add);

        HttpResponse<String> api = get("/ec2/i-1");

        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void servesNothingWhenNoDocumentIsBesideTheTemplate() throws Exception {
        Path template = Path.of("src/test/resources/templates/echo-template.yaml");

        ApiDocsPages.serveBeside(template, gateway, console::add);

        assertThat(get("/docs").statusCode()).isEqualTo(403);
        assertThat(ApiDocsPages.pageOf(template, gateway.endpoint())).isEmpty();
        assertThat(console).anySatisfy(line -> assertThat(line).contains("/docs is not served"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(gateway.endpoint() + path);
    }
}
