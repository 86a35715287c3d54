package dev.ec2inventory.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact request bytes on a socket (then the client's half of the connection is closed, so a truncated request ends), for what an HTTP client library refuses to send: every answer the gateway gives
 * itself is JSON with {@code Content-Type: application/json}, never an HTML page and never a Java class name.
 */
class RawRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        Answer answer = send("GET /items/x-%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 400, "percent");
    }

    @Test
    void aRawSpaceInTheRequestLineIsRefusedRatherThanTruncatingThePath() throws IOException {
        Answer answer = send("GET /items/x y HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 400, "request line");
    }

    @Test
    void rawUtf8BytesInThePathAreDecodedAsUtf8() throws IOException {
        Answer answer = send("GET /items/caf\u00e9-\uD83D\uDE00 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode event = answer.json().get("event");
        assertThat(event.get("pathParameters").get("item_id").asText()).isEqualTo("caf\u00e9-\uD83D\uDE00");
    }

    @Test
    void rawBytesThatAreNotUtf8InThePathAreABadRequest() throws IOException {
        byte[] head = concat(ascii("GET /items/x-"), new byte[] {(byte) 0xff}, ascii(" HTTP/1.1\r\nConnection: close\r\n\r\n"));

        assertGatewayError(send(head), 400, "UTF-8");
    }

    @Test
    void aPercentDecodedPathParameterThatIsNotUtf8IsABadRequestNamingTheParameter() throws IOException {
        Answer answer = send("GET /items/x-%ff HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 400, "item_id");
        assertThat(answer.json().get("message").asText()).contains("must be valid UTF-8");
    }

    @Test
    void aBodyOverLambdasPayloadLimitNeverReachesTheFunction() throws IOException {
        byte[] body = new byte[LAMBDA_PAYLOAD_LIMIT + 1];
        Arrays.fill(body, (byte) 'a');
        byte[] request = concat(ascii("PUT /files/big HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n"), body);

        Answer answer = send(request);

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
        Answer answer = send("PUT /files/big HTTP/1.1\r\nContent-Length: 10485761\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 413, "Request Too Long");
    }

    @Test
    void aChunkedBodyIsReassembled() throws IOException {
        Answer answer = send("POST /files/x HTTP/1.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("event").get("body").asText()).isEqualTo("abcde");
    }

    @Test
    void twoRequestsOnOneConnectionAreBothAnswered() throws IOException {
        String twice = "GET /items/1 HTTP/1.1\r\nHost: a\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";

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
        Answer answer = send("HEAD /items/1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
        assertThat(answer.body()).isEmpty();
    }

    private void assertGatewayError(Answer answer, int status, String messageFragment) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.text()).isEqualTo("application/json");
        assertThat(answer.json().get("message").asText()).contains(messageFragment);
        assertThat(answer.text().toLowerCase(Locale.ROOT)).doesNotContain("<html", "<h1", "java.", "sun.", "urisyntax");
        String body = new String(answer.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        assertThat(body).doesNotContain("exception", "error:", "\tat ");
    }

    private Answer send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the bytes, then reads until the server closes the connection. */
    private Answer send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // The server may answer and close before reading all of a refused request; its answer is still there.
            }
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A reset after the answer arrived leaves what was read.
        }
        return all.toByteArray();
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

    /** The first response on the connection; headers by lower-case name. */
    private record Answer(int status, Map<String, String> headers, byte[] body, String text) {

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head in: " + text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String status = lines[0].split(" ")[1];
            byte[] body = Arrays.copyOfRange(raw, headOffset(raw) , Math.min(raw.length, headOffset(raw) + length));
            return new Answer(Integer.parseInt(status), headers, body, text);
        }

        private static int headOffset(byte[] raw) {
            for (int i = 0; i + 3 < raw.length; i++) {
                if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                    return i + 4;
                }
            }
            return raw.length;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }
}
