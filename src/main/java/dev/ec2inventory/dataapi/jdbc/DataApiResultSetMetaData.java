package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.ResultColumn;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * A JDBC {@link ResultSetMetaData} over the call's {@code columnMetadata} ({@link ResultColumn}). A field the service
 * leaves out reads as JDBC's "unknown": 0, {@code false}, or {@code columnNullableUnknown}.
 */
final class DataApiResultSetMetaData {

    private final List<ResultColumn> columns;
    private final ResultSetMetaData jdbc;

    DataApiResultSetMetaData(List<ResultColumn> columns) {
        this.columns = columns;
        this.jdbc = JdbcFacade.of(ResultSetMetaData.class, this);
    }

    ResultSetMetaData jdbc() {
        return jdbc;
    }

    public int getColumnCount() {
        return columns.size();
    }

    public String getColumnLabel(int column) throws SQLException {
        return column(column).labelOrName();
    }

    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    public int getColumnType(int column) throws SQLException {
        return orZero(column(column).type());
    }

    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    public String getColumnClassName(int column) throws SQLException {
        return JdbcValues.javaType(column(column)).getName();
    }

    public String getTableName(int column) throws SQLException {
        return orEmpty(column(column).tableName());
    }

    public String getSchemaName(int column) throws SQLException {
        return orEmpty(column(column).schemaName());
    }

    public int getPrecision(int column) throws SQLException {
        return orZero(column(column).precision());
    }

    public int getScale(int column) throws SQLException {
        return orZero(column(column).scale());
    }

    public int isNullable(int column) throws SQLException {
        Integer nullable = column(column).nullable();
        return nullable == null ? ResultSetMetaData.columnNullableUnknown : nullable;
    }

    public boolean isAutoIncrement(int column) throws SQLException {
        return Boolean.TRUE.equals(column(column).autoIncrement());
    }

    public boolean isSigned(int column) throws SQLException {
        return Boolean.TRUE.equals(column(column).signed());
    }

    public boolean isCaseSensitive(int column) throws SQLException {
        return Boolean.TRUE.equals(column(column).caseSensitive());
    }

    public boolean isCurrency(int column) throws SQLException {
        return Boolean.TRUE.equals(column(column).currency());
    }

    private ResultColumn column(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw new SQLException("column index " + column + " is out of range 1.." + columns.size(), "07009");
        }
        return columns.get(column - 1);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
