package dev.ec2inventory.dataapi.jooq;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * An upper bound of the JSON body the SDK sends for one ExecuteStatement: the SDK's marshaller is not public, so the
 * body is estimated from what it will contain, rounding every structural part up.
 */
public final class RequestSize {

    /** ARNs (at most 100 characters each), database name, transaction id (192) and the other keys. */
    private static final int ENVELOPE_BYTES = 1024;

    /** {@code {"name":"","value":{"stringValue":""},"typeHint":"TIMESTAMP"},} and friends. */
    private static final int PARAMETER_OVERHEAD_BYTES = 64;

    /** A long or double printed in JSON. */
    private static final int NUMBER_BYTES = 24;

    private RequestSize() {
    }

    public static long estimate(RenderedStatement statement) {
        long bytes = ENVELOPE_BYTES + jsonStringBytes(statement.sql());
        for (SqlParameter parameter : statement.sqlParameters()) {
            bytes += PARAMETER_OVERHEAD_BYTES + parameter.name().length() + valueBytes(parameter.value());
        }
        return bytes;
    }

    private static long valueBytes(Field value) {
        if (value.stringValue() != null) {
            return jsonStringBytes(value.stringValue());
        }
        if (value.blobValue() != null) {
            return 4L * ((value.blobValue().asByteArray().length + 2) / 3); // base64
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
