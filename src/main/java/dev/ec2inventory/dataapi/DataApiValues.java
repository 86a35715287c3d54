package dev.ec2inventory.dataapi;

import static java.util.Map.entry;

import dev.ec2inventory.dataapi.DataApiParameter.Hint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Java values to and from the Data API's value union, in one place so that the translator and the driver agree.
 * MySQL date-times have no zone, so zoned values are written and read as UTC; the Data API takes milliseconds at most.
 */
public final class DataApiValues {

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Numbers, booleans and text convert where MySQL sends one as another (BIGINT UNSIGNED as text, BOOLEAN as 1). */
    private static final Map<Class<?>, Function<Object, Object>> READERS = Map.ofEntries(
            entry(Object.class, field -> field),
            entry(String.class, String::valueOf),
            entry(Long.class, field -> integral(field).longValueExact()),
            entry(Integer.class, field -> integral(field).intValueExact()),
            entry(Short.class, field -> integral(field).shortValueExact()),
            entry(Byte.class, field -> integral(field).byteValueExact()),
            entry(BigInteger.class, DataApiValues::integral),
            entry(BigDecimal.class, DataApiValues::decimal),
            entry(Double.class, DataApiValues::floating),
            entry(Float.class, field -> (float) floating(field)),
            entry(Boolean.class, DataApiValues::bool),
            entry(LocalDate.class, field -> LocalDate.parse(text(field, LocalDate.class))),
            entry(LocalTime.class, field -> LocalTime.parse(text(field, LocalTime.class))),
            entry(LocalDateTime.class, field -> dateTime(text(field, LocalDateTime.class))),
            entry(OffsetDateTime.class, field -> dateTime(text(field, OffsetDateTime.class)).atOffset(ZoneOffset.UTC)),
            entry(Instant.class, field -> dateTime(text(field, Instant.class)).toInstant(ZoneOffset.UTC)),
            entry(byte[].class, DataApiValues::bytes),
            entry(UUID.class, field -> UUID.fromString(text(field, UUID.class))));

    private DataApiValues() {
    }

    public static boolean reads(Class<?> type) {
        return READERS.containsKey(type);
    }

    /** The named parameter for one bind value; {@code null} becomes {@code isNull}. */
    public static DataApiParameter parameter(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return new DataApiParameter(name, value, null);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new DataApiParameter(name, ((Number) value).longValue(), null);
        }
        if (value instanceof Double || value instanceof Float) {
            return new DataApiParameter(name, ((Number) value).doubleValue(), null);
        }
        if (value instanceof BigDecimal decimal) {
            return new DataApiParameter(name, decimal.toPlainString(), Hint.DECIMAL);
        }
        if (value instanceof BigInteger integer) {
            // May exceed a long (BIGINT UNSIGNED); the server parses the digits.
            return new DataApiParameter(name, integer.toString(), Hint.DECIMAL);
        }
        if (value instanceof byte[] bytes) {
            return new DataApiParameter(name, bytes.clone(), null);
        }
        if (value instanceof UUID uuid) {
            return new DataApiParameter(name, uuid.toString(), null);
        }
        return dateTimeParameter(name, value);
    }

    /** A field of {@link StatementResult#rows()} as {@code type}, or {@code null} for SQL NULL. */
    public static <T> T value(Object field, Class<T> type) {
        if (field == null) {
            return null;
        }
        Function<Object, Object> reader = READERS.get(type);
        if (reader == null) {
            throw new IllegalArgumentException("no Data API result mapping to " + type.getName());
        }
        return type.cast(reader.apply(field));
    }

    /** The Data API's name for the kind of value {@code field} is, for messages: {@code STRING_VALUE}, ... */
    public static String kind(Object field) {
        if (field == null) {
            return "IS_NULL";
        }
        if (field instanceof byte[]) {
            return "BLOB_VALUE";
        }
        return field.getClass().getSimpleName().toUpperCase(Locale.ROOT) + "_VALUE";
    }

    private static DataApiParameter dateTimeParameter(String name, Object value) {
        if (value instanceof LocalDate date) {
            return new DataApiParameter(name, date.toString(), Hint.DATE);
        }
        if (value instanceof LocalTime time) {
            return new DataApiParameter(name, timeOfDay(time), Hint.TIME);
        }
        if (value instanceof LocalDateTime dateTime) {
            return timestamp(name, dateTime);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return timestamp(name, dateTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof Instant instant) {
            return timestamp(name, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        throw new IllegalArgumentException("no Data API parameter mapping for " + value.getClass().getName());
    }

    private static BigInteger integral(Object field) {
        if (field instanceof Long number) {
            return BigInteger.valueOf(number);
        }
        if (field instanceof Boolean bool) {
            return bool ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (field instanceof String text) {
            return new BigInteger(text.trim());
        }
        throw mismatch(field, Long.class);
    }

    private static BigDecimal decimal(Object field) {
        if (field instanceof String text) {
            return new BigDecimal(text.trim());
        }
        if (field instanceof Long number) {
            return BigDecimal.valueOf(number);
        }
        if (field instanceof Double number) {
            return BigDecimal.valueOf(number);
        }
        throw mismatch(field, BigDecimal.class);
    }

    private static double floating(Object field) {
        return field instanceof Double number ? number : decimal(field).doubleValue();
    }

    private static Boolean bool(Object field) {
        if (field instanceof Boolean bool) {
            return bool;
        }
        if (field instanceof Long number) {
            return number != 0;
        }
        if (field instanceof String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw mismatch(field, Boolean.class);
            };
        }
        throw mismatch(field, Boolean.class);
    }

    private static byte[] bytes(Object field) {
        if (!(field instanceof byte[] bytes)) {
            throw mismatch(field, byte[].class);
        }
        return bytes.clone();
    }

    /** The text of a string field read as {@code type}; any other kind of field is refused, naming both. */
    public static String text(Object field, Class<?> type) {
        if (!(field instanceof String text)) {
            throw mismatch(field, type);
        }
        return text;
    }

    /** MySQL prints DATETIME with a space where ISO-8601 has a 'T'; both are accepted. */
    private static LocalDateTime dateTime(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.SSS]}: the format the Data API accepts for TIMESTAMP. */
    private static DataApiParameter timestamp(String name, LocalDateTime value) {
        return new DataApiParameter(name, value.toLocalDate() + " " + timeOfDay(value.toLocalTime()), Hint.TIMESTAMP);
    }

    /** {@code HH:mm:ss[.SSS]}: milliseconds only when there are any, as MySQL prints DATETIME(3). */
    private static String timeOfDay(LocalTime time) {
        int millis = time.get(ChronoField.MILLI_OF_SECOND);
        String seconds = WHOLE_SECONDS.format(time);
        return millis == 0 ? seconds : String.format(Locale.ROOT, "%s.%03d", seconds, millis);
    }

    private static IllegalArgumentException mismatch(Object field, Class<?> type) {
        return new IllegalArgumentException("a Data API " + kind(field) + " cannot be read as " + type.getName());
    }
}
