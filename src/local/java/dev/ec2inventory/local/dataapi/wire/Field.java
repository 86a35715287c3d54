package dev.ec2inventory.local.dataapi.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;

/**
 * The model's {@code Field} union: exactly one member is set. Used for parameter values (in) and for record values
 * and generated keys (out). Jackson writes {@code blobValue} as base64, as the protocol wants.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Field(
        Boolean isNull,
        Boolean booleanValue,
        Long longValue,
        Double doubleValue,
        String stringValue,
        byte[] blobValue,
        JsonNode arrayValue) {

    public static Field ofNull() {
        return new Field(true, null, null, null, null, null, null);
    }

    public static Field ofBoolean(boolean value) {
        return new Field(null, value, null, null, null, null, null);
    }

    public static Field ofLong(long value) {
        return new Field(null, null, value, null, null, null, null);
    }

    public static Field ofDouble(double value) {
        return new Field(null, null, null, value, null, null, null);
    }

    public static Field ofString(String value) {
        return new Field(null, null, null, null, value, null, null);
    }

    public static Field ofBlob(byte[] value) {
        return new Field(null, null, null, null, null, value, null);
    }

    /** How many union members are set; a valid value has exactly one. */
    public long memberCount() {
        return Stream.of(isNull, booleanValue, longValue, doubleValue, stringValue, blobValue, arrayValue)
                .filter(member -> member != null)
                .count();
    }
}
