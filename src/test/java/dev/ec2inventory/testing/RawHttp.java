package dev.ec2inventory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} refuses to send: malformed request lines, raw spaces
 * and bytes in the path, invalid percent-escapes, restricted headers, truncated requests. One request per connection:
 * after writing, the client's half is closed, and the answer is read until complete or until the server closes.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length:\\s*(\\d+)");

    private RawHttp() {
    }

    /** The first answer, read until it is complete or the server closes. */
    public static Response exchange(URI endpoint, byte[] wire) throws IOException {
        return exchange(endpoint, wire, false);
    }

    /** The first answer, and in {@link Response#raw} every byte the server sent until it closed. */
    public static Response exchangeUntilClosed(URI endpoint, byte[] wire) throws IOException {
        return exchange(endpoint, wire, true);
    }

    private static Response exchange(URI endpoint, byte[] wire, boolean untilClosed) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(wire);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException answeredEarly) {
                // The server may answer (413, say) and close before reading everything: read what it said.
            }
            return parse(readAll(socket.getInputStream(), untilClosed));
        }
    }

    /** Reads until the answer is complete (by Content-Length or the last chunk), or told not to, until the close. */
    private static byte[] readAll(InputStream in, boolean untilClosed) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((untilClosed || !isComplete(received.toByteArray())) && (n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (IOException resetAfterAnswer) {
            // A reset after the answer was sent still leaves the answer.
        }
        return received.toByteArray();
    }

    private static boolean isComplete(byte[] received) {
        int end = indexOf(received, HEAD_END);
        if (end < 0) {
            return false;
        }
        String head = new String(received, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            return received.length - end - HEAD_END.length >= Long.parseLong(length.group(1));
        }
        if (head.contains("transfer-encoding: chunked")) {
            return indexOf(Arrays.copyOfRange(received, end, received.length), LAST_CHUNK) >= 0;
        }
        return false;
    }

    /** Status line, headers, and a body delimited by Content-Length, chunks, or the end of the connection. */
    private static Response parse(byte[] response) {
        int end = indexOf(response, HEAD_END);
        if (response.length == 0 || end < 0) {
            return new Response(0, List.of(), response, response);
        }
        String[] head = new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = head[0].split(" ", 3);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.add(new SimpleEntry<>(head[i].substring(0, Math.max(colon, 0)),
                    colon < 0 ? head[i] : head[i].substring(colon + 1).trim()));
        }
        byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
        boolean chunked = headers.stream().anyMatch(header -> header.getKey().equalsIgnoreCase("Transfer-Encoding")
                && header.getValue().equalsIgnoreCase("chunked"));
        Response answer = new Response(Integer.parseInt(statusLine[1]), headers, body, response);
        String length = answer.header("Content-Length");
        if (chunked) {
            body = unchunk(body);
        } else if (length != null) {
            body = Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(length.trim())));
        }
        return new Response(answer.status(), headers, body, response);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), CRLF) + at;
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * One answer: status 0 when the server sent no HTTP answer at all.
     *
     * @param raw every byte read, head included
     */
    public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body, byte[] raw) {

        /** The first header of that name, in any case; {@code null} when there is none. */
        public String header(String name) {
            return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }
    }
}
