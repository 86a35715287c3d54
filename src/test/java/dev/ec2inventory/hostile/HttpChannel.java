package dev.ec2inventory.hostile;

import dev.ec2inventory.hostile.HostileCase.Level;
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
            return RawHttp.exchange(endpoint, RawHttp.render(request, endpoint));
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
}
