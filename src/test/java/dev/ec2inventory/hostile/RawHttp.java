package dev.ec2inventory.hostile;

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
 * and bytes in the path, invalid percent-escapes, restricted headers. One request per connection.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length:\\s*(\\d+)");

    private RawHttp() {
    }

    /** The request as it goes on the wire; adds Host, Content-Length (unless given) and Connection: close. */
    static byte[] render(HostileRequest request, URI endpoint) {
        if (request.rawRequest() != null) {
            return request.rawRequest();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(request.method().getBytes(StandardCharsets.UTF_8));
        out.write(' ');
        out.writeBytes(request.rawPath());
        out.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>();
        if (!request.hasHeader("Host")) {
            lines.add("Host: " + endpoint.getHost() + ":" + endpoint.getPort());
        }
        request.headers().forEach(header -> lines.add(header.getKey() + ": " + header.getValue()));
        if (request.body() != null && !request.hasHeader("Content-Length")) {
            lines.add("Content-Length: " + request.body().length);
        }
        lines.add("Connection: close");
        lines.forEach(line -> {
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(CRLF);
        });
        out.writeBytes(CRLF);
        if (request.body() != null) {
            out.writeBytes(request.body());
        }
        return out.toByteArray();
    }

    static Reply exchange(URI endpoint, byte[] wire) throws IOException {
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
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** Reads until the answer is complete (by Content-Length or the last chunk) or the server closes. */
    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (!isComplete(received.toByteArray()) && (n = in.read(buffer)) >= 0) {
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
    static Reply parse(byte[] response) {
        int end = indexOf(response, HEAD_END);
        if (response.length == 0 || end < 0) {
            return new Reply(0, List.of(), response, "raw socket (no HTTP answer)");
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
        return new Reply(Integer.parseInt(statusLine[1]), headers, chunked ? unchunk(body) : body, "raw socket");
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
}
