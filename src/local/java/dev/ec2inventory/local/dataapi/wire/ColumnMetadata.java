package dev.ec2inventory.local.dataapi.wire;

/** Every member of the model's {@code ColumnMetadata}, as JDBC's {@code ResultSetMetaData} describes the column. */
public record ColumnMetadata(
        String name,
        int type,
        String typeName,
        String label,
        String schemaName,
        String tableName,
        boolean isAutoIncrement,
        boolean isSigned,
        boolean isCurrency,
        boolean isCaseSensitive,
        int nullable,
        int precision,
        int scale,
        int arrayBaseColumnType) {
}
