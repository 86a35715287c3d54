package dev.ec2inventory.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.local.fixtures.FixedResponseHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST proxy over real HTTP on a random port, in front of fixture functions (no database involved). */
class ApiGatewayServerTest {

    private static final Path FIXTURE = EchoGateway.FIXTURE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> console = new ArrayList<>();
    private ApiGatewayServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void buildsTheProxyEventWithDecodedPathParametersAndTheRawPath() throws Exception {
        start(FIXTURE);

        JsonNode echo = json(get("/items/abc%20def%2Fx+y?a=1&a=2&b=x%26y"));

        JsonNode event = echo.get("event");
        assertThat(event.get("resource").asText()).isEqualTo("/items/{item_id}");
        assertThat(event.get("path").asText()).isEqualTo("/items/abc%20def%2Fx+y");
        assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.get("pathParameters").get("item_id").asText()).isEqualTo("abc def/x+y");
        assertThat(event.get("queryStringParameters").get("a").asText()).isEqualTo("2");
        assertThat(event.get("queryStringParameters").get("b").asText()).isEqualTo("x&y");
        assertThat(event.get("multiValueQueryStringParameters").get("a")).extracting(JsonNode::asText)
                .containsExactly("1", "2");
        JsonNode context = event.get("requestContext");
        assertThat(context.get("stage").asText()).isEqualTo("test");
        assertThat(context.get("resourcePath").asText()).isEqualTo("/items/{item_id}");
        assertThat(context.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(context.get("path").asText()).isEqualTo("/test/items/abc%20def%2Fx+y");
        assertThat(context.get("requestId").asText()).isNotBlank();
        assertThat(context.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(echo.get("function").asText()).isEqualTo("EchoFunction");
        assertThat(echo.get("memory").asInt()).isEqualTo(512);
    }

    @Test
    void passesMultiValueHeadersAndKeepsTheLastInTheSingleValueMap() throws Exception {
        start(FIXTURE);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/items/42"))
                .header("X-Team", "blue").header("X-Team", "green").build(), BodyHandlers.ofString());

        JsonNode event = json(response).get("event");
        assertThat(ignoringCase(event.get("multiValueHeaders"), "X-Team")).extracting(JsonNode::asText)
                .containsExactly("blue", "green");
        assertThat(ignoringCase(event.get("headers"), "X-Team").asText()).isEqualTo("green");
        assertThat(ignoringCase(event.get("headers"), "X-Forwarded-Proto").asText()).isEqualTo("http");
        assertThat(response.headers().allValues("X-Echo")).containsExactly("one", "two");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void hostsEachFunctionWithItsOwnEnvironment() throws Exception {
        start(FIXTURE);

        JsonNode environment = json(get("/items/1")).get("environment");

        assertThat(environment.get("GREETING").asText()).isEqualTo("hello");
        assertThat(environment.get("LOG_LEVEL").asText()).isEqualTo("DEBUG");
        assertThat(environment.get("DB_NAME").asText()).isEqualTo("local_db");
    }

    @Test
    void literalResourcesWinOverParametersAndBase64ResponsesAreDecoded() throws Exception {
        start(FIXTURE);

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/items/fixed")).build(),
                BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(FixedResponseHandler.BODY);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
    }

    @Test
    void greedyPathsTakeTheRestOfThePathForAnyMethod() throws Exception {
        start(FIXTURE);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/files/a/b/c.txt"))
                .DELETE().build(), BodyHandlers.ofString());

        assertThat(json(response).get("event").get("pathParameters").get("path").asText()).isEqualTo("a/b/c.txt");
    }

    @Test
    void binaryRequestBodiesArriveBase64Encoded() throws Exception {
        start(FIXTURE);
        byte[] body = {1, 2, 3, (byte) 0xfe};

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/files/upload"))
                .header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());

        JsonNode event = json(response).get("event");
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(body);
    }

    @Test
    void textBodiesArriveAsText() throws Exception {
        start(FIXTURE);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/files/note"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(BodyPublishers.ofString("{\"note\": \"é\"}")).build(), BodyHandlers.ofString());

        JsonNode event = json(response).get("event");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("body").asText()).isEqualTo("{\"note\": \"é\"}");
    }

    @Test
    void unknownRoutesAndMethodsGetApiGatewaysMissingAuthenticationToken() throws Exception {
        start(FIXTURE);

        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(uri("/nothing/here")).build(),
                HttpRequest.newBuilder(uri("/items/1")).DELETE().build(),
                HttpRequest.newBuilder(uri("/items/1/extra")).build(),
                HttpRequest.newBuilder(uri("/items/")).build())) {
            HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.toString()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        }
    }

    @Test
    void aFunctionErrorIsApiGatewaysInternalServerError() throws Exception {
        start(FIXTURE);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/failures"))
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(console).anyMatch(line -> line.contains("only GET is supported here"));
    }

    @Test
    void theTemplateDecidesWhichHandlerARouteCalls(@TempDir Path directory) throws Exception {
        Path renamed = directory.resolve("template.yaml");
        Files.writeString(renamed, Files.readString(FIXTURE).replace(
                "dev.ec2inventory.local.fixtures.EchoHandler::handleRequest",
                "dev.ec2inventory.local.fixtures.FixedResponseHandler::respond"));
        start(renamed);

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/items/1")).build(),
                BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(FixedResponseHandler.BODY);
    }

    private void start(Path templateFile) throws IOException {
        server = EchoGateway.start(templateFile, console);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(server.endpoint() + pathAndQuery);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), BodyHandlers.ofString());
    }

    /** The JDK's server normalises header-name case (API Gateway keeps it); handlers must not depend on case. */
    private static JsonNode ignoringCase(JsonNode headers, String name) {
        List<String> names = new ArrayList<>();
        headers.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(name::equalsIgnoreCase).findFirst().map(headers::get).orElseThrow();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
