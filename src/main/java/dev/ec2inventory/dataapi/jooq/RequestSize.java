package dev.ec2inventory.dataapi.jooq;

import dev.ec2inventory.dataapi.DataApiParameter;
import java.nio.charset.StandardCharsets;

/**
 * An upper bound of the JSON body the SDK sends for one ExecuteStatement: the SDK's marshaller is not public, so the
 * body is estimated from what it will contain, rounding every structural part up.
 */
final class RequestSize {

    /** ARNs (at most 100 characters each), database name, transaction id (192) and the other keys. */
    private static final int ENVELOPE_BYTES = 1024;

    /** {@code {"name":"","value":{"stringValue":""},"typeHint":"TIMESTAMP"},} and friends. */
    private static final int PARAMETER_OVERHEAD_BYTES = 64;

    /** A long or double printed in JSON. */
    private static final int NUMBER_BYTES = 24;

    private RequestSize() {
    }

    static long estimate(RenderedStatement statement) {
        long bytes = ENVELOPE_BYTES + jsonStringBytes(statement.sql());
        for (DataApiParameter parameter : statement.parameters()) {
            bytes += PARAMETER_OVERHEAD_BYTES + parameter.name().length() + valueBytes(parameter.value());
        }
        return bytes;
    }

    private static long valueBytes(Object value) {
        if (value instanceof String text) {
            return jsonStringBytes(text);
        }
        if (value instanceof byte[] blob) {
            return 4L * ((blob.length + 2) / 3); // base64
        }
        return NUMBER_BYTES;
    }

    /** The UTF-8 length after JSON escaping: quotes and backslashes take two bytes, control characters six. */
    static long jsonStringBytes(String text) {
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                bytes += 1;
            } else if (c < 0x20) {
                bytes += 5;
            }
        }
        return bytes;
    }
}
