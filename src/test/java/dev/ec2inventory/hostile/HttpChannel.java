package dev.ec2inventory.hostile;

import dev.ec2inventory.hostile.HostileCase.Level;
import dev.ec2inventory.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local stack's HTTP server, called as a client would: with {@code java.net.http} when it accepts the request,
 * otherwise over a raw socket ({@link RawHttp}) with the exact bytes of the case.
 */
final class HttpChannel implements Channel {

    /** Headers java.net.http sets itself and will not take from a caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** Bodies this large go over a socket, which copes with the server answering before it has read them. */
    private static final int LARGEST_CLIENT_BODY = 5 * 1024 * 1024;

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpChannel(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Level level() {
        return Level.HTTP;
    }

    @Override
    public Reply send(HostileRequest request) throws IOException, InterruptedException {
        Optional<HttpRequest> acceptable = clientRequest(request);
        if (acceptable.isEmpty()) {
            RawHttp.Response raw = RawHttp.exchange(endpoint, wire(request));
            return new Reply(raw.status(), raw.headers(), raw.body(),
                    raw.status() == 0 ? "raw socket (no HTTP answer)" : "raw socket");
        }
        HttpResponse<byte[]> response = client.send(acceptable.get(), BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), headersOf(response.headers()), response.body(), "java.net.http");
    }

    @Override
    public Reply read(String awsInstanceId) throws IOException, InterruptedException {
        String path = "/ec2/" + PathCodec.encodeSegment(awsInstanceId);
        return send(new HostileRequest("GET", path.getBytes(StandardCharsets.UTF_8), List.of(), null, null));
    }

    /** The request as java.net.http would send it, or empty when it refuses it or would alter it. */
    private Optional<HttpRequest> clientRequest(HostileRequest request) {
        if (request.rawRequest() != null || !isPrintableAscii(request.rawPath())
                || (request.body() != null && request.body().length > LARGEST_CLIENT_BODY)
                || request.headers().stream().anyMatch(header -> RESTRICTED.contains(header.getKey().toLowerCase()))) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(endpoint + request.pathText());
            String sent = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (!request.pathText().equals(sent)) {
                return Optional.empty();
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .method(request.method(), request.body() == null ? BodyPublishers.noBody()
                            : BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
            return Optional.of(builder.build());
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    private static boolean isPrintableAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b <= ' ' || b >= 0x7F) {
                return false;
            }
        }
        return bytes.length > 0;
    }

    private static List<Map.Entry<String, String>> headersOf(HttpHeaders headers) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        headers.map().forEach((name, values) -> values.forEach(value -> all.add(new SimpleEntry<>(name, value))));
        return all;
    }

    /** The request as it goes on the wire; adds Host, Content-Length (unless given) and Connection: close. */
    private byte[] wire(HostileRequest request) {
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
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (request.body() != null) {
            out.writeBytes(request.body());
        }
        return out.toByteArray();
    }
}
