package dev.ec2inventory.dataapi;

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
import java.util.Set;
import java.util.UUID;
import org.jooq.JSON;

/**
 * The two-way mapping between Java values and the Data API's value union: bind values become
 * {@link DataApiParameter}s, result values ({@link StatementResult#rows()}) become the Java type a caller asks for.
 *
 * <p>It depends on nothing but the core's own types (and jOOQ's {@link JSON} value type), so that the jOOQ translator
 * and the JDBC driver map values the same way.
 *
 * <p>Date-times have no zone in MySQL: {@link OffsetDateTime} and {@link Instant} are written in UTC and read back
 * as UTC. The Data API accepts at most millisecond precision, so finer fractions are truncated.
 */
public final class DataApiValues {

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The Java types {@link #value(Object, Class)} reads. */
    private static final Set<Class<?>> READABLE = Set.of(Object.class, String.class, Long.class, Integer.class,
            Short.class, Byte.class, BigInteger.class, BigDecimal.class, Double.class, Float.class, Boolean.class,
            LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, Instant.class, byte[].class,
            JSON.class, UUID.class);

    private DataApiValues() {
    }

    /** Whether {@link #value(Object, Class)} can produce this type. */
    public static boolean reads(Class<?> type) {
        return READABLE.contains(type);
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
        if (value instanceof JSON json) {
            return new DataApiParameter(name, json.data(), Hint.JSON);
        }
        if (value instanceof UUID uuid) {
            return new DataApiParameter(name, uuid.toString(), null);
        }
        return dateTimeParameter(name, value);
    }

    /**
     * The value of a result field as {@code type}, or {@code null} for SQL NULL. Numbers, booleans and text convert
     * between each other where the conversion loses nothing MySQL would keep (BIGINT UNSIGNED arrives as text,
     * BOOLEAN as a number).
     *
     * @param field a value as the Data API types it ({@link StatementResult#rows()})
     */
    public static <T> T value(Object field, Class<T> type) {
        if (field == null) {
            return null;
        }
        return type.cast(convert(field, type));
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

    private static Object convert(Object field, Class<?> type) {
        if (type == Object.class) {
            return field;
        }
        if (type == String.class) {
            return field instanceof String text ? text : String.valueOf(field);
        }
        if (type == Long.class) {
            return integral(field).longValueExact();
        }
        if (type == Integer.class) {
            return integral(field).intValueExact();
        }
        if (type == Short.class) {
            return integral(field).shortValueExact();
        }
        if (type == Byte.class) {
            return integral(field).byteValueExact();
        }
        if (type == BigInteger.class) {
            return integral(field);
        }
        if (type == BigDecimal.class) {
            return decimal(field);
        }
        if (type == Double.class) {
            return floating(field);
        }
        if (type == Float.class) {
            return (float) floating(field);
        }
        if (type == Boolean.class) {
            return bool(field);
        }
        return convertText(field, type);
    }

    private static Object convertText(Object field, Class<?> type) {
        if (type == LocalDate.class) {
            return LocalDate.parse(text(field, type));
        }
        if (type == LocalTime.class) {
            return LocalTime.parse(text(field, type));
        }
        if (type == LocalDateTime.class) {
            return dateTime(text(field, type));
        }
        if (type == OffsetDateTime.class) {
            return dateTime(text(field, type)).atOffset(ZoneOffset.UTC);
        }
        if (type == Instant.class) {
            return dateTime(text(field, type)).toInstant(ZoneOffset.UTC);
        }
        if (type == byte[].class) {
            if (!(field instanceof byte[] bytes)) {
                throw mismatch(field, type);
            }
            return bytes.clone();
        }
        if (type == JSON.class) {
            return JSON.valueOf(text(field, type));
        }
        if (type == UUID.class) {
            return UUID.fromString(text(field, type));
        }
        throw new IllegalArgumentException("no Data API result mapping to " + type.getName());
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

    private static String text(Object field, Class<?> type) {
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
