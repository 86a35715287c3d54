package dev.ec2inventory.local.dataapi.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import dev.ec2inventory.local.dataapi.wire.ColumnMetadata;
import dev.ec2inventory.local.dataapi.wire.Field;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code formattedRecords} string of {@code formatRecordsAs=JSON}: a JSON array with one object per row, keyed by
 * column label in column order.
 *
 * <p>Each value is rendered from the same {@link Field} the records would carry, which is how the Aurora user guide's
 * JSON type table reads: {@code longValue} and {@code doubleValue} are JSON numbers (so integers, FLOAT/DOUBLE, and
 * DECIMAL under {@code DOUBLE_OR_LONG}); {@code stringValue} is a JSON string (DECIMAL by default, integers under
 * {@code longReturnType=STRING}, a BIGINT UNSIGNED above the long range, dates and times, JSON columns as their
 * text); {@code booleanValue} is {@code true}/{@code false}; {@code blobValue} is a base64 string; NULL is
 * {@code null}.
 *
 * <p>Two columns with the same label would make two equal keys in one object, which JSON parsers resolve silently
 * and differently. This is refused with {@code UnsupportedResultException} naming the label; the cure is an alias.
 * (The service's behaviour here is not documented; refusing keeps code that works locally from losing a column.)
 */
final class FormattedRecords {

    private static final JsonFactory JSON = new JsonFactory();

    private FormattedRecords() {
    }

    static String render(ResultTable table) {
        List<String> labels = table.columns().stream().map(ColumnMetadata::label).toList();
        requireDistinct(labels);
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (List<Field> record : table.records()) {
                json.writeStartObject();
                for (int column = 0; column < labels.size(); column++) {
                    json.writeFieldName(labels.get(column));
                    write(json, record.get(column));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void requireDistinct(List<String> labels) {
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (!seen.add(label)) {
                throw DataApiException.of(DataApiErrorType.UNSUPPORTED_RESULT, "The result has two columns labelled '"
                        + label + "', so its JSON records would have duplicate keys; give the columns distinct aliases");
            }
        }
    }

    private static void write(JsonGenerator json, Field value) throws IOException {
        if (value.stringValue() != null) {
            json.writeString(value.stringValue());
        } else if (value.longValue() != null) {
            json.writeNumber(value.longValue());
        } else if (value.doubleValue() != null) {
            json.writeNumber(value.doubleValue());
        } else if (value.booleanValue() != null) {
            json.writeBoolean(value.booleanValue());
        } else if (value.blobValue() != null) {
            json.writeBinary(value.blobValue());
        } else {
            json.writeNull();
        }
    }
}
