package dev.ec2inventory.local.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the SDK hides: the raw HTTP answers, for clients that follow the service model by hand. */
class WireProtocolIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmulatorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("wire");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void anErrorIsATypeAndMessageWithTheErrorTypeHeader() throws Exception {
        ObjectNode body = executeBody("SELECT 1").put("resourceArn", "arn:aws:rds:us-east-1:123456789012:cluster:gone");

        HttpResponse<String> response = post("/Execute", "application/json", BodyPublishers.ofString(body.toString()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("HttpEndpointNotEnabledException");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"__type\": "
                + "\"HttpEndpointNotEnabledException\", \"message\": \"HttpEndpoint is not enabled for resource "
                + "arn:aws:rds:us-east-1:123456789012:cluster:gone\"}"));
    }

    @Test
    void recordsAreUnionsWithBlobsInBase64() throws Exception {
        HttpResponse<String> response = post("/Execute", "application/json",
                BodyPublishers.ofString(executeBody("SELECT 1 AS n, NULL AS nothing, x'00ff' AS bytes, 'é' AS text, "
                        + "2.5e0 AS d").toString()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"records\": [[{\"longValue\": 1}, "
                + "{\"isNull\": true}, {\"blobValue\": \"AP8=\"}, {\"stringValue\": \"é\"}, {\"doubleValue\": 2.5}]], "
                + "\"numberOfRecordsUpdated\": 0}"));
    }

    @Test
    void columnMetadataHasEveryMemberOfTheModel() throws Exception {
        HttpResponse<String> response = post("/Execute", "application/json",
                BodyPublishers.ofString(executeBody("SELECT 1 AS n").put("includeResultMetadata", true).toString()));

        JsonNode column = JSON.readTree(response.body()).at("/columnMetadata/0");
        List<String> members = new ArrayList<>();
        column.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactlyInAnyOrder("name", "type", "typeName", "label", "schemaName", "tableName",
                "isAutoIncrement", "isSigned", "isCurrency", "isCaseSensitive", "nullable", "precision", "scale",
                "arrayBaseColumnType");
        assertThat(column.get("label").textValue()).isEqualTo("n");
        assertThat(column.get("isSigned").isBoolean()).isTrue();
        assertThat(column.get("type").isInt()).isTrue();
    }

    @Test
    void anyContentTypeOrNoneIsReadAsJson() throws Exception {
        String body = executeBody("SELECT 'typed' AS t").toString();

        HttpResponse<String> textPlain = post("/Execute", "text/plain", BodyPublishers.ofString(body));
        HttpResponse<String> amzJson = post("/Execute", "application/x-amz-json-1.1", BodyPublishers.ofString(body));
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/Execute")).POST(BodyPublishers.ofString(body)));

        assertThat(textPlain.statusCode()).isEqualTo(200);
        assertThat(amzJson.statusCode()).isEqualTo(200);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(none.body()).at("/records/0/0/stringValue").textValue()).isEqualTo("typed");
    }

    @Test
    void executeSqlIsABadRequestInTheSameErrorShape() throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("dbClusterOrInstanceArn", LocalCluster.RESOURCE_ARN)
                .put("awsSecretStoreArn", LocalCluster.SECRET_ARN)
                .put("sqlStatements", "SELECT 1");

        HttpResponse<String> response = post("/ExecuteSql", "application/json", BodyPublishers.ofString(body.toString()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(JSON.readTree(response.body()).get("__type").textValue()).isEqualTo("BadRequestException");
    }

    @Test
    void anUnknownPathOrMethodGetsJsonNotHtmlAndIsCounted() throws Exception {
        fixture.emulator.calls().reset();
        HttpResponse<String> unknownPath = post("/Nothing", "application/json", BodyPublishers.ofString("{}"));
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/Execute")).GET());
        HttpResponse<String> root = send(HttpRequest.newBuilder(uri("/")).GET());

        for (HttpResponse<String> response : List.of(unknownPath, get, root)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("__type").textValue()).isEqualTo("UnknownOperationException");
            assertThat(error.get("message").textValue()).contains("POST /Execute");
        }
        assertThat(fixture.emulator.calls().count(DataApiOperation.UNKNOWN)).isEqualTo(3);
        assertThat(fixture.emulator.calls().total()).isEqualTo(3);
    }

    @Test
    void aBodyThatIsNotJsonOrNotTheOperationsShapeIsABadRequestWithoutInternals() throws Exception {
        HttpResponse<String> notJson = post("/Execute", "application/json", BodyPublishers.ofString("{\"sql\": "));
        HttpResponse<String> wrongShape = post("/Execute", "application/json",
                BodyPublishers.ofString(executeBody("SELECT 1").put("parameters", "not a list").toString()));

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("__type").textValue()).isEqualTo("BadRequestException");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongShape.body()).get("message").textValue())
                .contains("'parameters'").doesNotContain("dev.ec2inventory").doesNotContain("java.");
    }

    @Test
    void aMissingRequiredMemberIsAValidationError() throws Exception {
        ObjectNode body = executeBody("SELECT 1");
        body.remove("sql");

        HttpResponse<String> response = post("/Execute", "application/json", BodyPublishers.ofString(body.toString()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
        assertThat(JSON.readTree(response.body()).get("message").textValue()).contains("'sql'");
    }

    @Test
    void aChunkedBodyOverFourMibIsRefusedWithoutALength() throws Exception {
        byte[] body = new byte[DataApiHttpHandler.MAX_REQUEST_BYTES + 10];
        BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));

        HttpResponse<String> response = post("/Execute", "application/json", chunked);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("__type").textValue()).isEqualTo("RequestEntityTooLargeException");
    }

    @Test
    void transactionStatusesAreTheServicesWords() throws Exception {
        ObjectNode arns = JSON.createObjectNode()
                .put("resourceArn", LocalCluster.RESOURCE_ARN).put("secretArn", LocalCluster.SECRET_ARN);
        String transaction = JSON.readTree(post("/BeginTransaction", "application/json",
                BodyPublishers.ofString(arns.toString())).body()).get("transactionId").textValue();

        HttpResponse<String> rollback = post("/RollbackTransaction", "application/json",
                BodyPublishers.ofString(arns.deepCopy().put("transactionId", transaction).toString()));

        assertThat(JSON.readTree(rollback.body())).isEqualTo(JSON.readTree("{\"transactionStatus\": \"Rollback Complete\"}"));
    }

    private static ObjectNode executeBody(String sql) {
        return JSON.createObjectNode()
                .put("resourceArn", LocalCluster.RESOURCE_ARN)
                .put("secretArn", LocalCluster.SECRET_ARN)
                .put("sql", sql);
    }

    private static HttpResponse<String> post(String path, String contentType, BodyPublisher body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return fixture.emulator.endpoint().resolve(path);
    }
}
