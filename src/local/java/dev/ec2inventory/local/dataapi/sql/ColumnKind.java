package dev.ec2inventory.local.dataapi.sql;

import dev.ec2inventory.local.dataapi.sql.ResultOptions.DecimalReturnType;
import dev.ec2inventory.local.dataapi.sql.ResultOptions.LongReturnType;
import dev.ec2inventory.local.dataapi.wire.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * How a column's values become {@link Field}s, as Aurora MySQL answers:
 * <ul>
 *   <li>TINYINT(1) / BOOLEAN / BIT(1): {@code booleanValue};</li>
 *   <li>other integers: {@code longValue}, or {@code stringValue} under {@code longReturnType=STRING}; a BIGINT
 *       UNSIGNED above the long range is always a {@code stringValue};</li>
 *   <li>FLOAT / DOUBLE: {@code doubleValue};</li>
 *   <li>DECIMAL: {@code stringValue} with its scale kept ({@code 12.5000}); under
 *       {@code decimalReturnType=DOUBLE_OR_LONG} a {@code longValue} when the scale is 0 and it fits, else a
 *       {@code doubleValue};</li>
 *   <li>DATETIME / TIMESTAMP / TIME: {@code stringValue}, {@code YYYY-MM-DD HH:MM:SS} / {@code HH:MM:SS}, with a
 *       fraction only when it is not zero, and without trailing zeros ({@code .12} for {@code .120});</li>
 *   <li>YEAR: {@code stringValue} of four digits;</li>
 *   <li>BLOB / BINARY / VARBINARY: {@code blobValue};</li>
 *   <li>everything else (DATE, JSON, ENUM, SET, CHAR, VARCHAR, TEXT, ...): {@code stringValue} of the server's text.</li>
 * </ul>
 * NULL is {@code isNull: true} in every kind. The kind is chosen from the JDBC type and type name, which the MariaDB
 * and MySQL drivers both report for these columns.
 */
enum ColumnKind {

    BOOLEAN {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            boolean value = row.getBoolean(column);
            return row.wasNull() ? Field.ofNull() : Field.ofBoolean(value);
        }
    },
    INTEGER {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            long value = row.getLong(column);
            if (row.wasNull()) {
                return Field.ofNull();
            }
            return options.longReturnType() == LongReturnType.STRING
                    ? Field.ofString(Long.toString(value)) : Field.ofLong(value);
        }
    },
    UNSIGNED_BIGINT {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            String text = row.getString(column);
            if (text == null) {
                return Field.ofNull();
            }
            boolean fitsLong = new BigInteger(text).bitLength() < Long.SIZE;
            return fitsLong && options.longReturnType() == LongReturnType.LONG
                    ? Field.ofLong(Long.parseLong(text)) : Field.ofString(text);
        }
    },
    FLOATING {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            double value = row.getDouble(column);
            return row.wasNull() ? Field.ofNull() : Field.ofDouble(value);
        }
    },
    DECIMAL {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            BigDecimal value = row.getBigDecimal(column);
            if (value == null) {
                return Field.ofNull();
            }
            if (options.decimalReturnType() == DecimalReturnType.STRING) {
                return Field.ofString(value.toPlainString());
            }
            if (value.scale() <= 0 && value.toBigInteger().bitLength() < Long.SIZE) {
                return Field.ofLong(value.longValueExact());
            }
            return Field.ofDouble(value.doubleValue());
        }
    },
    TIME_OR_DATETIME {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            String text = row.getString(column);
            return text == null ? Field.ofNull() : Field.ofString(withoutZeroFraction(text));
        }
    },
    YEAR {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            // Some drivers read YEAR as a DATE ("2024-01-01"); the year is its first four characters either way.
            String text = row.getString(column);
            return text == null ? Field.ofNull() : Field.ofString(text.length() > 4 ? text.substring(0, 4) : text);
        }
    },
    BINARY {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            byte[] value = row.getBytes(column);
            return value == null ? Field.ofNull() : Field.ofBlob(value);
        }
    },
    TEXT {
        @Override
        Field read(ResultSet row, int column, ResultOptions options) throws SQLException {
            String text = row.getString(column);
            return text == null ? Field.ofNull() : Field.ofString(text);
        }
    };

    abstract Field read(ResultSet row, int column, ResultOptions options) throws SQLException;

    static ColumnKind of(ResultSetMetaData metadata, int column) throws SQLException {
        String typeName = metadata.getColumnTypeName(column).toUpperCase(Locale.ROOT);
        if (typeName.startsWith("YEAR")) {
            return YEAR;
        }
        return switch (metadata.getColumnType(column)) {
            case Types.BOOLEAN -> BOOLEAN;
            case Types.BIT -> metadata.getPrecision(column) <= 1 ? BOOLEAN : INTEGER;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
            case Types.BIGINT -> typeName.contains("UNSIGNED") ? UNSIGNED_BIGINT : INTEGER;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE -> TIME_OR_DATETIME;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> TEXT;
        };
    }

    /** {@code 04:05:06.120000} becomes {@code 04:05:06.12}, and {@code 04:05:06.000} becomes {@code 04:05:06}. */
    static String withoutZeroFraction(String text) {
        int dot = text.lastIndexOf('.');
        if (dot < 0) {
            return text;
        }
        int end = text.length();
        while (end > dot + 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        return end == dot + 1 ? text.substring(0, dot) : text.substring(0, end);
    }
}
