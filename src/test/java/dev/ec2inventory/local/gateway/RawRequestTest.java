package dev.ec2inventory.local.gateway;

import static dev.ec2inventory.local.gateway.GatewayErrors.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.testing.RawHttp;
import dev.ec2inventory.testing.RawHttp.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact request bytes on a socket ({@link RawHttp}), for what an HTTP client library refuses to send: every answer
 * the gateway gives itself is JSON with {@code Content-Type: application/json}, never HTML, never a Java class name.
 */
class RawRequestTest {

    private static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;

    private final List<String> console = new ArrayList<>();
    private ApiGatewayServer server;

    @BeforeEach
    void start() throws IOException {
        server = EchoGateway.start(EchoGateway.FIXTURE, console);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anInvalidPercentEscapeIsAJsonBadRequest() throws IOException {
        Response answer = send("GET /items/x-%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 400, "percent");
    }

    @Test
    void aRawSpaceInTheRequestLineIsRefusedRatherThanTruncatingThePath() throws IOException {
        Response answer = send("GET /items/x y HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 400, "request line");
    }

    @Test
    void rawUtf8BytesInThePathAreDecodedAsUtf8() throws IOException {
        Response answer = send("GET /items/caf\u00e9-\uD83D\uDE00 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode event = answer.json().get("event");
        assertThat(event.get("pathParameters").get("item_id").asText()).isEqualTo("caf\u00e9-\uD83D\uDE00");
    }

    @Test
    void rawBytesThatAreNotUtf8InThePathAreABadRequest() throws IOException {
        byte[] head = concat(ascii("GET /items/x-"), new byte[] {(byte) 0xff},
                ascii(" HTTP/1.1\r\nConnection: close\r\n\r\n"));

        assertGatewayError(send(head), 400, "UTF-8");
    }

    @Test
    void aPercentDecodedPathParameterThatIsNotUtf8IsABadRequestNamingTheParameter() throws IOException {
        Response answer = send("GET /items/x-%ff HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 400, "item_id");
        assertThat(answer.json().get("message").asText()).contains("must be valid UTF-8");
    }

    @Test
    void aBodyOverLambdasPayloadLimitNeverReachesTheFunction() throws IOException {
        byte[] body = new byte[LAMBDA_PAYLOAD_LIMIT + 1];
        Arrays.fill(body, (byte) 'a');
        byte[] request = concat(ascii("PUT /files/big HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n"), body);

        Response answer = send(request);

        assertGatewayError(answer, 502, "Internal server error");
        assertThat(console).noneMatch(line -> line.contains("echoing"));
        assertThat(console).anyMatch(line -> line.contains("6291456"));
    }

    @Test
    void aBodyWithinLambdasLimitWhoseBase64EventIsNotIsRefusedToo() throws IOException {
        byte[] body = new byte[LAMBDA_PAYLOAD_LIMIT * 4 / 5];
        byte[] request = concat(ascii("PUT /files/big HTTP/1.1\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n"), body);

        assertGatewayError(send(request), 502, "Internal server error");
        assertThat(console).noneMatch(line -> line.contains("echoing"));
    }

    @Test
    void aClientThatExpectsContinueIsToldToSendItsBody() throws IOException {
        String text = send("POST /files/x HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                + "Expect: 100-continue\r\nConnection: close\r\n\r\nhello").text();

        assertThat(text).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n").contains("\"body\":\"hello\"");
    }

    @Test
    void aBodyOverApiGatewaysLimitIsRefusedBeforeItIsRead() throws IOException {
        Response answer = send("PUT /files/big HTTP/1.1\r\nContent-Length: 10485761\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 413, "Request Too Long");
    }

    @Test
    void aBodyThatIsNotUtf8ReachesTheFunctionBase64EncodedWithItsExactBytes() throws IOException {
        byte[] body = concat(ascii("{\"a\":\""), new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff}, ascii("\"}"));
        byte[] request = concat(ascii("POST /files/x HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n"), body);

        JsonNode event = send(request).json().get("event");

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(body);
    }

    @Test
    void aChunkedBodyIsReassembled() throws IOException {
        Response answer = send("POST /files/x HTTP/1.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("event").get("body").asText()).isEqualTo("abcde");
    }

    @Test
    void twoRequestsOnOneConnectionAreBothAnswered() throws IOException {
        String twice = "GET /items/1 HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /items/2 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";

        String text = send(twice).text();

        assertThat(text.split("HTTP/1.1 200 ", -1)).hasSize(3);
        assertThat(text).contains("\"item_id\":\"1\"").contains("\"item_id\":\"2\"");
    }

    @Test
    void malformedRequestsOfEveryKindGetJsonErrors() throws IOException {
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("GET /items/1\r\n\r\n", 400);
        cases.put("GET /items/1 HTTP/1.1 extra\r\n\r\n", 400);
        cases.put("GET  /items/1 HTTP/1.1\r\n\r\n", 400);
        cases.put("GET items/1 HTTP/1.1\r\n\r\n", 400);
        cases.put("GET /items/1 HTTP/2.0\r\n\r\n", 505);
        cases.put("GET /items/1 FTP/1.1\r\n\r\n", 400);
        cases.put("G(T /items/1 HTTP/1.1\r\n\r\n", 400);
        cases.put("GET /items/a\tb HTTP/1.1\r\n\r\n", 400);
        cases.put("\u0000\u0001\u0002\r\n\r\n", 400);
        cases.put("GET /items/1 HTTP/1.1\r\nNo-Colon\r\n\r\n", 400);
        cases.put("GET /items/1 HTTP/1.1\r\nBad Name: x\r\n\r\n", 400);
        cases.put("GET /items/1 HTTP/1.1\r\n Folded: x\r\n\r\n", 400);
        cases.put("POST /files/x HTTP/1.1\r\nContent-Length: abc\r\n\r\n", 400);
        cases.put("POST /files/x HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400);
        cases.put("POST /files/x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400);
        cases.put("POST /files/x HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 413);
        cases.put("POST /files/x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501);
        cases.put("POST /files/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", 400);
        cases.put("POST /files/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400);
        cases.put("POST /files/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n", 400);
        cases.put("POST /files/x HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", 400);
        cases.put("GET /items/1 HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 431);
        cases.put("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n\r\n", 414);
        cases.put("BREW /items/1 HTTP/1.1\r\nConnection: close\r\n\r\n", 403);
        cases.put("GET /items/%2 HTTP/1.1\r\nConnection: close\r\n\r\n", 400);
        cases.put("GET /items/1?q=%zz HTTP/1.1\r\nConnection: close\r\n\r\n", 400);
        cases.forEach((request, status) -> {
            try {
                assertGatewayError(send(request), status, "");
            } catch (IOException | AssertionError e) {
                throw new AssertionError("for " + abbreviated(request), e);
            }
        });
    }

    @Test
    void headGetsTheHeadersOfAJsonAnswerWithoutABody() throws IOException {
        Response answer = send("HEAD /items/1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("content-type")).isEqualTo("application/json");
        assertThat(answer.body()).isEmpty();
    }

    private Response send(String request) throws IOException {
        return RawHttp.exchangeUntilClosed(server.endpoint(), request.getBytes(StandardCharsets.UTF_8));
    }

    private Response send(byte[] request) throws IOException {
        return RawHttp.exchangeUntilClosed(server.endpoint(), request);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String abbreviated(String request) {
        return request.length() > 80 ? request.substring(0, 80) + "..." : request;
    }
}
