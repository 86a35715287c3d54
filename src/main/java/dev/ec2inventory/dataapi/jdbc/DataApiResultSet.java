package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.ResultColumn;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only JDBC {@link ResultSet} over the rows one ExecuteStatement returned, all in memory. Columns
 * are found by label, ignoring case, the first one winning, as JDBC specifies.
 */
final class DataApiResultSet {

    private final Statement statement;
    private final List<ResultColumn> columns;
    private final List<List<Object>> rows;
    private final Map<String, Integer> columnsByLabel = new HashMap<>();
    private final ResultSet jdbc;
    private int row = -1;
    private boolean wasNull;
    private boolean closed;

    DataApiResultSet(Statement statement, List<ResultColumn> columns, List<List<Object>> rows) {
        this.statement = statement;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        for (int i = 0; i < columns.size(); i++) {
            columnsByLabel.putIfAbsent(columns.get(i).labelOrName().toLowerCase(Locale.ROOT), i + 1);
        }
        this.jdbc = JdbcFacade.of(ResultSet.class, this);
    }

    ResultSet jdbc() {
        return jdbc;
    }

    public boolean next() throws SQLException {
        requireOpen();
        if (row < rows.size()) {
            row++;
        }
        return row < rows.size();
    }

    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    public boolean wasNull() throws SQLException {
        requireOpen();
        return wasNull;
    }

    public ResultSetMetaData getMetaData() throws SQLException {
        requireOpen();
        return new DataApiResultSetMetaData(columns).jdbc();
    }

    public int findColumn(String label) throws SQLException {
        requireOpen();
        Integer index = columnsByLabel.get(label.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new SQLException("the result has no column labelled " + label + "; it has "
                    + columns.stream().map(ResultColumn::label).toList(), "42S22");
        }
        return index;
    }

    public Statement getStatement() throws SQLException {
        requireOpen();
        return statement;
    }

    public SQLWarning getWarnings() throws SQLException {
        requireOpen();
        return null;
    }

    public void clearWarnings() throws SQLException {
        requireOpen();
    }

    public boolean isClosed() {
        return closed;
    }

    public void close() {
        closed = true;
    }

    public String getString(int column) throws SQLException {
        return read(column, String.class);
    }

    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    public boolean getBoolean(int column) throws SQLException {
        Boolean value = read(column, Boolean.class);
        return value != null && value;
    }

    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    public short getShort(int column) throws SQLException {
        Short value = read(column, Short.class);
        return value == null ? 0 : value;
    }

    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    public int getInt(int column) throws SQLException {
        Integer value = read(column, Integer.class);
        return value == null ? 0 : value;
    }

    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    public long getLong(int column) throws SQLException {
        Long value = read(column, Long.class);
        return value == null ? 0 : value;
    }

    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    public double getDouble(int column) throws SQLException {
        Double value = read(column, Double.class);
        return value == null ? 0 : value;
    }

    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    public BigDecimal getBigDecimal(int column) throws SQLException {
        return read(column, BigDecimal.class);
    }

    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    public byte[] getBytes(int column) throws SQLException {
        return read(column, byte[].class);
    }

    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    public Date getDate(int column) throws SQLException {
        return read(column, Date.class);
    }

    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    public Time getTime(int column) throws SQLException {
        return read(column, Time.class);
    }

    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    public Timestamp getTimestamp(int column) throws SQLException {
        return read(column, Timestamp.class);
    }

    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    /** The Java type MySQL's drivers give the column's JDBC type ({@link JdbcValues#javaType}). */
    public Object getObject(int column) throws SQLException {
        return read(column, JdbcValues.javaType(columns.get(checkedIndex(column) - 1)));
    }

    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    public <T> T getObject(int column, Class<T> type) throws SQLException {
        return read(column, type);
    }

    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    private <T> T read(int column, Class<T> type) throws SQLException {
        requireOpen();
        Object field = currentRow().get(checkedIndex(column) - 1);
        T value = JdbcValues.read(field, type);
        wasNull = value == null;
        return value;
    }

    private List<Object> currentRow() throws SQLException {
        if (row < 0 || row >= rows.size()) {
            throw new SQLException("the cursor is not on a row; call next() first", "24000");
        }
        return rows.get(row);
    }

    private int checkedIndex(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw new SQLException("column index " + column + " is out of range 1.." + columns.size(), "07009");
        }
        return column;
    }

    private void requireOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the result set is closed");
        }
    }
}
