package dev.ec2inventory.local.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request's line and headers as they arrived: header names keep the client's spelling and order.
 *
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 */
record RequestHead(String method, RequestTarget target, String version, List<Map.Entry<String, String>> headers) {

    RequestHead {
        headers = List.copyOf(headers);
    }

    /** The values of one header, whatever the case of its name, in arrival order. */
    List<String> values(String name) {
        return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .toList();
    }

    Optional<String> first(String name) {
        return values(name).stream().findFirst();
    }

    /** HTTP/1.1 keeps the connection unless the client says close; HTTP/1.0 closes it. */
    boolean keepAlive() {
        boolean close = values("Connection").stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .anyMatch(token -> token.trim().equalsIgnoreCase("close"));
        return version.equals("HTTP/1.1") && !close;
    }

    boolean expectsContinue() {
        return version.equals("HTTP/1.1")
                && first("Expect").map(value -> value.trim().toLowerCase(Locale.ROOT).equals("100-continue"))
                .orElse(false);
    }
}
