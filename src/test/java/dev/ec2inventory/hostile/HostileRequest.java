package dev.ec2inventory.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request of the corpus, as bytes on the wire: the method, the raw path (percent-encoded or not, possibly not even
 * UTF-8), headers in order, and the body ({@code null} for none). A {@code rawRequest}, when present, is sent over a
 * socket exactly as it is instead (a malformed request line, say) and makes sense only at the HTTP level.
 */
record HostileRequest(String method, byte[] rawPath, List<Map.Entry<String, String>> headers, byte[] body,
                      byte[] rawRequest) {

    static final String ID_PREFIX = "/ec2/";

    HostileRequest {
        headers = List.copyOf(headers);
    }

    String pathText() {
        return new String(rawPath, StandardCharsets.UTF_8);
    }

    /** The path without its query string, as text. */
    String pathWithoutQuery() {
        String path = pathText();
        int question = path.indexOf('?');
        return question < 0 ? path : path.substring(0, question);
    }

    /** The {@code {aws_instance_id}} of {@code /ec2/{aws_instance_id}}, percent-decoded as UTF-8, if it is one. */
    Optional<String> awsInstanceId() {
        String path = pathWithoutQuery();
        if (!path.startsWith(ID_PREFIX) || path.length() == ID_PREFIX.length()
                || path.indexOf('/', ID_PREFIX.length()) >= 0) {
            return Optional.empty();
        }
        return PathCodec.strictDecode(path.substring(ID_PREFIX.length()));
    }

    boolean hasHeader(String name) {
        return headers.stream().anyMatch(header -> header.getKey().equalsIgnoreCase(name));
    }

    /** The first value of a header, or null. */
    String header(String name) {
        return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Everything the client itself sent, as text, so that an error echoing it back is not taken for a leak. */
    String echoableText() {
        StringBuilder text = new StringBuilder(pathText()).append('\n').append(PathCodec.lenientDecode(pathText()));
        headers.forEach(header -> text.append('\n').append(header.getKey()).append(": ").append(header.getValue()));
        if (body != null) {
            text.append('\n').append(new String(body, StandardCharsets.UTF_8));
        }
        if (rawRequest != null) {
            text.append('\n').append(new String(rawRequest, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
