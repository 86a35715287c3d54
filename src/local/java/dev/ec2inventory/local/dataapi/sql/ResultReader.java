package dev.ec2inventory.local.dataapi.sql;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import dev.ec2inventory.local.dataapi.wire.ColumnMetadata;
import dev.ec2inventory.local.dataapi.wire.Field;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JDBC result into a {@link ResultTable}, refusing results over the service's 1 MiB limit.
 *
 * <p>The limit is on "the result set returned by the database", so it is counted on the values as read, not on the
 * JSON sent: a string counts its UTF-8 bytes, a blob its bytes, a number 8 and a boolean 1. It applies whatever the
 * {@code formatRecordsAs}. Over it, the call fails with {@code DatabaseErrorException} "Database returned more than
 * the allowed response size limit", the message clients of the real service look for (Serverless v1 sent it as
 * {@code BadRequestException}, which the model says v2 clusters no longer send).
 */
public final class ResultReader {

    /** The most result data one call may return. */
    public static final long MAX_RESULT_BYTES = 1024 * 1024;

    private ResultReader() {
    }

    public static ResultTable read(ResultSet rows, ResultOptions options) throws SQLException {
        ResultSetMetaData metadata = rows.getMetaData();
        int columnCount = metadata.getColumnCount();
        ColumnKind[] kinds = new ColumnKind[columnCount];
        List<ColumnMetadata> columns = new ArrayList<>(columnCount);
        for (int column = 1; column <= columnCount; column++) {
            kinds[column - 1] = ColumnKind.of(metadata, column);
            columns.add(describe(metadata, column));
        }
        List<List<Field>> records = new ArrayList<>();
        long resultBytes = 0;
        while (rows.next()) {
            List<Field> record = new ArrayList<>(columnCount);
            for (int column = 1; column <= columnCount; column++) {
                Field value = kinds[column - 1].read(rows, column, options);
                resultBytes += sizeOf(value);
                record.add(value);
            }
            if (resultBytes > MAX_RESULT_BYTES) {
                throw DataApiException.of(DataApiErrorType.DATABASE_ERROR,
                        "Database returned more than the allowed response size limit");
            }
            records.add(record);
        }
        return new ResultTable(columns, records);
    }

    private static ColumnMetadata describe(ResultSetMetaData metadata, int column) throws SQLException {
        return new ColumnMetadata(
                metadata.getColumnName(column),
                metadata.getColumnType(column),
                metadata.getColumnTypeName(column),
                metadata.getColumnLabel(column),
                metadata.getSchemaName(column),
                metadata.getTableName(column),
                metadata.isAutoIncrement(column),
                metadata.isSigned(column),
                metadata.isCurrency(column),
                metadata.isCaseSensitive(column),
                metadata.isNullable(column),
                metadata.getPrecision(column),
                metadata.getScale(column),
                0); // MySQL has no array columns
    }

    private static long sizeOf(Field value) {
        if (value.stringValue() != null) {
            return utf8Length(value.stringValue());
        }
        if (value.blobValue() != null) {
            return value.blobValue().length;
        }
        if (value.booleanValue() != null) {
            return 1;
        }
        return Boolean.TRUE.equals(value.isNull()) ? 0 : Long.BYTES;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
