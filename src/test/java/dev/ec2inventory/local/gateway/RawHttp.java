package dev.ec2inventory.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Exact request bytes on a socket, for what an HTTP client library refuses to send. After writing, the client's half
 * of the connection is closed, so a truncated request ends there; then everything the server sends is read.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    static Answer send(ApiGatewayServer server, byte[] request) throws IOException {
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

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // A reset after the answer arrived leaves what was read.
        }
        return all.toByteArray();
    }

    /** The first response on the connection; headers by lower-case name. */
    record Answer(int status, Map<String, String> headers, byte[] body, String text) {

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

    /** A refusal by the gateway itself: JSON naming the problem, and nothing of the server's internals. */
    static void assertGatewayError(Answer answer, int status, String messageFragment) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.text()).isEqualTo("application/json");
        assertThat(answer.json().get("message").asText()).contains(messageFragment);
        assertThat(answer.text().toLowerCase(Locale.ROOT)).doesNotContain("<html", "<h1", "java.", "sun.", "urisyntax");
        String body = new String(answer.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        assertThat(body).doesNotContain("exception", "error:", "\tat ");
    }
}
