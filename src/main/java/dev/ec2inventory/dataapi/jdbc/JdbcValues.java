package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.DataApiValues;
import dev.ec2inventory.dataapi.ResultColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;

/**
 * JDBC's values through the translator's own mapping ({@link DataApiValues}), so that the driver and the handlers
 * read and write every type alike; {@code java.sql} date-times go through their {@code java.time} twins.
 */
final class JdbcValues {

    /** SQLState for a value that cannot be converted to the type asked for. */
    private static final String INVALID_CAST = "22018";

    private JdbcValues() {
    }

    /** The Data API parameter for a value given to a {@code PreparedStatement} setter; {@code null} is SQL NULL. */
    static DataApiParameter parameter(String name, Object value) throws SQLException {
        try {
            return DataApiValues.parameter(name, javaTime(value));
        } catch (IllegalArgumentException e) {
            throw new SQLDataException("parameter " + name + ": " + e.getMessage(), INVALID_CAST, e);
        }
    }

    /** A result value ({@code StatementResult.rows()}) as {@code type}, or {@code null} for SQL NULL. */
    static <T> T read(Object field, Class<T> type) throws SQLException {
        try {
            return type.cast(convert(field, type));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new SQLDataException("cannot read a Data API " + DataApiValues.kind(field) + " as "
                    + type.getSimpleName() + ": " + e.getMessage(), INVALID_CAST, e);
        }
    }

    /**
     * The Java type of a column's values, by JDBC type as MySQL Connector/J maps them: {@code INT UNSIGNED} needs a
     * {@code Long}, {@code BIGINT UNSIGNED} a {@code BigInteger}; text and types JDBC has no class for are strings.
     */
    static Class<?> javaType(ResultColumn column) {
        boolean unsigned = column.typeName() != null
                && column.typeName().toUpperCase(Locale.ROOT).contains("UNSIGNED");
        int type = column.type() == null ? Types.OTHER : column.type();
        return switch (type) {
            case Types.BIT, Types.BOOLEAN -> Boolean.class;
            case Types.TINYINT, Types.SMALLINT -> Integer.class;
            case Types.INTEGER -> unsigned ? Long.class : Integer.class;
            case Types.BIGINT -> unsigned ? BigInteger.class : Long.class;
            case Types.DECIMAL, Types.NUMERIC -> BigDecimal.class;
            case Types.REAL -> Float.class;
            case Types.FLOAT, Types.DOUBLE -> Double.class;
            case Types.DATE -> Date.class;
            case Types.TIME -> Time.class;
            case Types.TIMESTAMP -> Timestamp.class;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> byte[].class;
            default -> String.class;
        };
    }

    private static Object convert(Object field, Class<?> type) {
        if (field == null) {
            return null;
        }
        if (type == Timestamp.class) {
            return Timestamp.valueOf(DataApiValues.value(field, LocalDateTime.class));
        }
        if (type == Date.class) {
            return Date.valueOf(DataApiValues.value(field, LocalDate.class));
        }
        if (type == Time.class) {
            return Time.valueOf(DataApiValues.value(field, LocalTime.class));
        }
        if (type == String.class && field instanceof byte[] blob) {
            return new String(blob, StandardCharsets.UTF_8);
        }
        return DataApiValues.value(field, type);
    }

    private static Object javaTime(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Time time) {
            return time.toLocalTime();
        }
        return value;
    }
}
