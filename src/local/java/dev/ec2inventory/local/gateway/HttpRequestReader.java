package dev.ec2inventory.local.gateway;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads HTTP/1.1 request heads strictly, as API Gateway's front door does: one space between the three parts of the
 * request line, token method names, no folded or malformed header lines, and at most {@link #MAX_HEAD_BYTES} of
 * request line and of headers. Anything else is a {@link GatewayRefusal}, never a guess.
 */
final class HttpRequestReader {

    /** API Gateway's limit on the request line and on the headers of a REST API request. */
    static final int MAX_HEAD_BYTES = 10_240;
    private static final int MAX_LEADING_EMPTY_LINES = 4;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HTTP_VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");

    private HttpRequestReader() {
    }

    /** The next request's head, or null when the client closed the connection between requests. */
    static RequestHead readHead(InputStream in) throws IOException, GatewayRefusal {
        byte[] requestLine = readLine(in, MAX_HEAD_BYTES, new GatewayRefusal(414, "Request-URI Too Long"));
        for (int empty = 0; requestLine != null && requestLine.length == 0; empty++) {
            if (empty == MAX_LEADING_EMPTY_LINES) {
                throw GatewayRefusal.badRequest("The request line is missing");
            }
            requestLine = readLine(in, MAX_HEAD_BYTES, new GatewayRefusal(414, "Request-URI Too Long"));
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLineParts(requestLine);
        RequestTarget target = RequestTarget.parse(parts[1].getBytes(StandardCharsets.ISO_8859_1));
        return new RequestHead(parts[0], target, parts[2], readHeaders(in));
    }

    /** METHOD SP target SP version, where the target's raw bytes are kept in ISO-8859-1 characters. */
    private static String[] requestLineParts(byte[] line) throws GatewayRefusal {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        String[] parts = text.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !TOKEN.matcher(parts[0]).matches()
                || text.chars().anyMatch(HttpRequestReader::isControl)) {
            throw GatewayRefusal.badRequest(
                    "The request line must be a method, a path without spaces and an HTTP version, "
                            + "separated by single spaces (spaces in a path are written %20)");
        }
        if (!HTTP_VERSION.matcher(parts[2]).matches()) {
            throw GatewayRefusal.badRequest("The request line must end with HTTP/1.1");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw new GatewayRefusal(505, "HTTP Version Not Supported");
        }
        return parts;
    }

    private static List<Map.Entry<String, String>> readHeaders(InputStream in) throws IOException, GatewayRefusal {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int budget = MAX_HEAD_BYTES;
        GatewayRefusal tooLarge = new GatewayRefusal(431, "Request Header Fields Too Large");
        while (true) {
            byte[] line = readLine(in, budget, tooLarge);
            if (line == null) {
                throw new EOFException("the connection closed inside the request head");
            }
            if (line.length == 0) {
                return headers;
            }
            budget -= line.length;
            headers.add(header(new String(line, StandardCharsets.ISO_8859_1)));
        }
    }

    private static Map.Entry<String, String> header(String line) throws GatewayRefusal {
        int colon = line.indexOf(':');
        String name = colon < 0 ? "" : line.substring(0, colon);
        if (!TOKEN.matcher(name).matches()) {
            throw GatewayRefusal.badRequest("Each header line must be a name, a colon and a value "
                    + "(no space before the colon, no folded lines)");
        }
        String value = line.substring(colon + 1).strip();
        if (value.chars().anyMatch(c -> isControl(c) && c != '\t')) {
            throw GatewayRefusal.badRequest("The value of header " + name + " must not contain control characters");
        }
        return Map.entry(name, value);
    }

    /**
     * One line without its line end (CRLF, or a bare LF); a CR elsewhere is refused.
     *
     * @return null when the stream ends before the line's first byte
     */
    static byte[] readLine(InputStream in, int maxBytes, GatewayRefusal tooLong) throws IOException, GatewayRefusal {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                if (line.size() == 0 && previous < 0) {
                    return null;
                }
                throw new EOFException("the connection closed inside a line");
            }
            if (b == '\n') {
                return line.toByteArray();
            }
            if (previous == '\r') {
                throw GatewayRefusal.badRequest("A carriage return may appear only before a line feed");
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > maxBytes) {
                throw tooLong;
            }
            previous = b;
        }
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }
}
