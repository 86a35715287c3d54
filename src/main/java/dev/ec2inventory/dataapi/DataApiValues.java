package dev.ec2inventory.dataapi;

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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/**
 * The two-way mapping between Java values and the Data API's value union ({@link Field}): bind values become
 * {@link SqlParameter}s, result fields become the Java type a caller asks for.
 *
 * <p>It depends on nothing but the Data API model (and jOOQ's {@link JSON} value type), so that anything that talks
 * to the Data API, the jOOQ translator here or a JDBC driver, maps values the same way.
 *
 * <p>Date-times have no zone in MySQL: {@link OffsetDateTime} and {@link Instant} are written in UTC and read back
 * as UTC. The Data API accepts at most millisecond precision, so finer fractions are truncated.
 */
public final class DataApiValues {

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The Java types {@link #value(Field, Class)} reads. */
    private static final Set<Class<?>> READABLE = Set.of(Object.class, String.class, Long.class, Integer.class,
            Short.class, Byte.class, BigInteger.class, BigDecimal.class, Double.class, Float.class, Boolean.class,
            LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, Instant.class, byte[].class,
            JSON.class, UUID.class);

    private DataApiValues() {
    }

    /** Whether {@link #value(Field, Class)} can produce this type. */
    public static boolean reads(Class<?> type) {
        return READABLE.contains(type);
    }

    /** The named parameter for one bind value; {@code null} becomes {@code isNull}. */
    public static SqlParameter parameter(String name, Object value) {
        SqlParameter.Builder parameter = SqlParameter.builder().name(name);
        if (value == null) {
            return parameter.value(Field.builder().isNull(true).build()).build();
        }
        if (value instanceof String text) {
            return parameter.value(string(text)).build();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return parameter.value(Field.builder().longValue(((Number) value).longValue()).build()).build();
        }
        if (value instanceof Boolean bool) {
            return parameter.value(Field.builder().booleanValue(bool).build()).build();
        }
        if (value instanceof Double || value instanceof Float) {
            return parameter.value(Field.builder().doubleValue(((Number) value).doubleValue()).build()).build();
        }
        if (value instanceof BigDecimal decimal) {
            return parameter.value(string(decimal.toPlainString())).typeHint(TypeHint.DECIMAL).build();
        }
        if (value instanceof BigInteger integer) {
            // May exceed a long (BIGINT UNSIGNED); the server parses the digits.
            return parameter.value(string(integer.toString())).typeHint(TypeHint.DECIMAL).build();
        }
        if (value instanceof LocalDate date) {
            return parameter.value(string(date.toString())).typeHint(TypeHint.DATE).build();
        }
        if (value instanceof LocalTime time) {
            return parameter.value(string(timeOfDay(time))).typeHint(TypeHint.TIME).build();
        }
        if (value instanceof LocalDateTime dateTime) {
            return timestamp(parameter, dateTime);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return timestamp(parameter, dateTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof Instant instant) {
            return timestamp(parameter, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof byte[] bytes) {
            return parameter.value(Field.builder().blobValue(SdkBytes.fromByteArray(bytes)).build()).build();
        }
        if (value instanceof JSON json) {
            return parameter.value(string(json.data())).typeHint(TypeHint.JSON).build();
        }
        if (value instanceof UUID uuid) {
            return parameter.value(string(uuid.toString())).build();
        }
        throw new IllegalArgumentException("no Data API parameter mapping for " + value.getClass().getName());
    }

    /**
     * The value of a result field as {@code type}, or {@code null} for SQL NULL. Numbers, booleans and text convert
     * between each other where the conversion loses nothing MySQL would keep (BIGINT UNSIGNED arrives as text,
     * BOOLEAN as a number).
     */
    public static <T> T value(Field field, Class<T> type) {
        if (Boolean.TRUE.equals(field.isNull())) {
            return null;
        }
        return type.cast(convert(field, type));
    }

    /** The value the field carries, as the Data API typed it: String, Long, Double, Boolean or byte[]. */
    public static Object naturalValue(Field field) {
        return switch (field.type()) {
            case STRING_VALUE -> field.stringValue();
            case LONG_VALUE -> field.longValue();
            case DOUBLE_VALUE -> field.doubleValue();
            case BOOLEAN_VALUE -> field.booleanValue();
            case BLOB_VALUE -> field.blobValue().asByteArray();
            case IS_NULL -> null;
            default -> throw new IllegalArgumentException("unsupported Data API field: " + field.type());
        };
    }

    private static Object convert(Field field, Class<?> type) {
        if (type == Object.class) {
            return naturalValue(field);
        }
        if (type == String.class) {
            return field.stringValue() != null ? field.stringValue() : String.valueOf(naturalValue(field));
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
            if (field.blobValue() == null) {
                throw mismatch(field, type);
            }
            return field.blobValue().asByteArray();
        }
        if (type == JSON.class) {
            return JSON.valueOf(text(field, type));
        }
        if (type == UUID.class) {
            return UUID.fromString(text(field, type));
        }
        throw new IllegalArgumentException("no Data API result mapping to " + type.getName());
    }

    private static BigInteger integral(Field field) {
        if (field.longValue() != null) {
            return BigInteger.valueOf(field.longValue());
        }
        if (field.booleanValue() != null) {
            return field.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (field.stringValue() != null) {
            return new BigInteger(field.stringValue().trim());
        }
        throw mismatch(field, Long.class);
    }

    private static BigDecimal decimal(Field field) {
        if (field.stringValue() != null) {
            return new BigDecimal(field.stringValue().trim());
        }
        if (field.longValue() != null) {
            return BigDecimal.valueOf(field.longValue());
        }
        if (field.doubleValue() != null) {
            return BigDecimal.valueOf(field.doubleValue());
        }
        throw mismatch(field, BigDecimal.class);
    }

    private static double floating(Field field) {
        return field.doubleValue() != null ? field.doubleValue() : decimal(field).doubleValue();
    }

    private static Boolean bool(Field field) {
        if (field.booleanValue() != null) {
            return field.booleanValue();
        }
        if (field.longValue() != null) {
            return field.longValue() != 0;
        }
        if (field.stringValue() != null) {
            return switch (field.stringValue().trim().toLowerCase(Locale.ROOT)) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw mismatch(field, Boolean.class);
            };
        }
        throw mismatch(field, Boolean.class);
    }

    private static String text(Field field, Class<?> type) {
        if (field.stringValue() == null) {
            throw mismatch(field, type);
        }
        return field.stringValue();
    }

    /** MySQL prints DATETIME with a space where ISO-8601 has a 'T'; both are accepted. */
    private static LocalDateTime dateTime(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }

    private static Field string(String value) {
        return Field.builder().stringValue(value).build();
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.SSS]}: the format the Data API accepts for TIMESTAMP. */
    private static SqlParameter timestamp(SqlParameter.Builder parameter, LocalDateTime value) {
        return parameter.value(string(value.toLocalDate() + " " + timeOfDay(value.toLocalTime())))
                .typeHint(TypeHint.TIMESTAMP).build();
    }

    /** {@code HH:mm:ss[.SSS]}: milliseconds only when there are any, as MySQL prints DATETIME(3). */
    private static String timeOfDay(LocalTime time) {
        int millis = time.get(ChronoField.MILLI_OF_SECOND);
        String seconds = WHOLE_SECONDS.format(time);
        return millis == 0 ? seconds : String.format(Locale.ROOT, "%s.%03d", seconds, millis);
    }

    private static IllegalArgumentException mismatch(Field field, Class<?> type) {
        return new IllegalArgumentException("a Data API " + field.type() + " cannot be read as " + type.getName());
    }
}
