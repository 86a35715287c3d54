package dev.ec2inventory.dataapi;

import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * The body the SDK sends for one ExecuteStatement, never underestimated (doubles and the envelope at their longest),
 * so that a bulk statement is split before the service refuses it.
 */
public final class RequestSize {

    /** The envelope at its largest: ARNs, database name and transaction id at the service's maximum lengths. */
    public static final int ENVELOPE_BYTES = 1024;

    /** A double as the SDK prints it, at its longest: {@code -1.2345678901234567E-308}. */
    private static final int DOUBLE_BYTES = 24;

    /** {@code {"name":,"value":{}}} around a parameter's name and value, and the comma before the next one. */
    private static final int PARAMETER_BYTES = 21;

    /** {@code ,"typeHint":""} around the hint's name. */
    private static final int TYPE_HINT_BYTES = 14;

    private RequestSize() {
    }

    public static long estimate(SqlStatement statement) {
        long bytes = ENVELOPE_BYTES + jsonStringBytes(statement.sql());
        for (SqlParameter parameter : SdkShapes.parameters(statement.parameters())) {
            bytes += parameterBytes(parameter);
        }
        return bytes;
    }

    private static long parameterBytes(SqlParameter parameter) {
        long bytes = PARAMETER_BYTES + jsonStringBytes(parameter.name()) + valueBytes(parameter.value());
        if (parameter.typeHint() != null) {
            bytes += TYPE_HINT_BYTES + parameter.typeHintAsString().length();
        }
        return bytes;
    }

    /** The value's one member, key included: {@code "stringValue":"..."}, {@code "isNull":true}. */
    private static long valueBytes(Field value) {
        return switch (value.type()) {
            case STRING_VALUE -> "\"stringValue\":".length() + jsonStringBytes(value.stringValue());
            case BLOB_VALUE -> "\"blobValue\":".length()
                    + base64StringBytes(value.blobValue().asByteBuffer().remaining());
            case LONG_VALUE -> "\"longValue\":".length() + Long.toString(value.longValue()).length();
            case DOUBLE_VALUE -> "\"doubleValue\":".length() + DOUBLE_BYTES;
            case BOOLEAN_VALUE -> "\"booleanValue\":".length() + value.booleanValue().toString().length();
            case IS_NULL -> "\"isNull\":".length() + value.isNull().toString().length();
            default -> throw new IllegalArgumentException("no request size for a Data API " + value.type());
        };
    }

    private static long base64StringBytes(int bytes) {
        return 2 + 4L * ((bytes + 2) / 3);
    }

    /** A string as the SDK writes it: the quotes, then each character in UTF-8 or as its JSON escape. */
    public static long jsonStringBytes(String text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            bytes += charBytes(text.charAt(i));
        }
        return bytes;
    }

    /** JSON's escapes as the SDK writes them: a surrogate is escaped, so an emoji takes twelve bytes, not four. */
    private static int charBytes(char c) {
        if (c == '"' || c == '\\' || c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
            return 2;
        }
        if (c < 0x20) {
            return 6;
        }
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        return Character.isSurrogate(c) ? 6 : 3;
    }
}
