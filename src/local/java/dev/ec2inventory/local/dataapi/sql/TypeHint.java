package dev.ec2inventory.local.dataapi.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * The model's {@code typeHint}: how a {@code stringValue} is sent to the database. Each checks the string against
 * the format the model documents and gives the value JDBC binds.
 *
 * <p>DATE, TIME and TIMESTAMP strings are bound as their text once checked. Both drivers send a {@code java.time}
 * value as that same quoted literal anyway (their prepared statements are client-side), and MySQL Connector/J drops
 * fractional seconds from {@code java.time} values when it takes the server for an old MySQL, as it does MariaDB.
 */
enum TypeHint {

    /** {@code YYYY-MM-DD}. */
    DATE {
        @Override
        Object convert(String value) {
            LocalDate.parse(value, DATE_FORMAT);
            return value;
        }
    },
    /** {@code HH:MM:SS[.FFF]} (1 to 9 fraction digits). */
    TIME {
        @Override
        Object convert(String value) {
            LocalTime.parse(value, TIME_FORMAT);
            return value;
        }
    },
    /** {@code YYYY-MM-DD HH:MM:SS[.FFF]} (1 to 9 fraction digits). */
    TIMESTAMP {
        @Override
        Object convert(String value) {
            LocalDateTime.parse(value, TIMESTAMP_FORMAT);
            return value;
        }
    },
    DECIMAL {
        @Override
        Object convert(String value) {
            return new BigDecimal(value);
        }
    },
    /** Sent as its text; refused unless it is a JSON document. */
    JSON {
        @Override
        Object convert(String value) {
            try {
                if (JSON_READER.readTree(value).isMissingNode()) {
                    throw new IllegalArgumentException("empty, not a JSON document");
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a JSON document", e);
            }
            return value;
        }
    },
    /** Sent as its text (MySQL has no UUID type); refused unless it is 8-4-4-4-12 hex digits. */
    UUID {
        @Override
        Object convert(String value) {
            if (!UUID_TEXT.matcher(value).matches()) {
                throw new IllegalArgumentException("not a UUID");
            }
            return value;
        }
    };

    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP_FORMAT = new DateTimeFormatterBuilder()
            .append(DATE_FORMAT).appendLiteral(' ').append(TIME_FORMAT)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern UUID_TEXT =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final ObjectMapper JSON_READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The value to bind.
     *
     * @throws IllegalArgumentException (or its {@link NumberFormatException} / {@link DateTimeParseException}
     *                                  kin) when the string does not fit the hint
     */
    abstract Object convert(String value);
}
