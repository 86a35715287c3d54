package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.StatementResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

/**
 * A JDBC {@link Statement}: each execution is one call, yielding one result set or one update count. Its SQL reaches
 * MySQL as written: escape syntax ({@code {fn ...}}) is never rewritten, whatever {@code setEscapeProcessing} says.
 */
class DataApiStatement {

    private final DataApiConnection connection;
    private final Statement jdbc;
    private DataApiResultSet results;
    private long updateCount = -1;
    private boolean closed;

    DataApiStatement(DataApiConnection connection) {
        this(connection, Statement.class);
    }

    DataApiStatement(DataApiConnection connection, Class<? extends Statement> jdbcInterface) {
        this.connection = connection;
        this.jdbc = JdbcFacade.of(jdbcInterface, this);
    }

    Statement jdbc() {
        return jdbc;
    }

    public boolean execute(String sql) throws SQLException {
        return run(sql, List.of());
    }

    public ResultSet executeQuery(String sql) throws SQLException {
        return query(sql, List.of());
    }

    public int executeUpdate(String sql) throws SQLException {
        return update(sql, List.of());
    }

    public ResultSet getResultSet() throws SQLException {
        requireOpen();
        return results == null ? null : results.jdbc();
    }

    /** -1 when the last execution produced a result set, or after {@link #getMoreResults()}. */
    public int getUpdateCount() throws SQLException {
        requireOpen();
        return asInt(updateCount);
    }

    /** There is never a second result: closes the current one, and from now on there is no update count either. */
    public boolean getMoreResults() throws SQLException {
        requireOpen();
        closeResults();
        updateCount = -1;
        return false;
    }

    /** Nothing to switch: escape syntax is never processed. */
    public void setEscapeProcessing(boolean enable) throws SQLException {
        requireOpen();
    }

    /** The Data API returns no warnings. */
    public SQLWarning getWarnings() throws SQLException {
        requireOpen();
        return null;
    }

    public void clearWarnings() throws SQLException {
        requireOpen();
    }

    public Connection getConnection() throws SQLException {
        requireOpen();
        return connection.jdbc();
    }

    public boolean isClosed() {
        return closed;
    }

    public void close() {
        closeResults();
        closed = true;
    }

    final boolean run(String sql, List<DataApiParameter> parameters) throws SQLException {
        requireOpen();
        closeResults();
        StatementResult response = connection.execute(sql, parameters);
        if (returnsRows(response)) {
            results = new DataApiResultSet(jdbc, response.columns(), response.rows());
            updateCount = -1;
            return true;
        }
        updateCount = response.updateCount();
        return false;
    }

    final ResultSet query(String sql, List<DataApiParameter> parameters) throws SQLException {
        if (!run(sql, parameters)) {
            throw new SQLException("the statement returned no result set: " + sql);
        }
        return results.jdbc();
    }

    final int update(String sql, List<DataApiParameter> parameters) throws SQLException {
        if (run(sql, parameters)) {
            closeResults();
            throw new SQLException("the statement returned a result set, not an update count: " + sql);
        }
        return asInt(updateCount);
    }

    final void requireOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the statement is closed");
        }
    }

    /** An update count past an int saturates, as JDBC's int-returning methods allow, rather than throw. */
    private static int asInt(long count) {
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    /** A result always has at least one column; an update has none. */
    private static boolean returnsRows(StatementResult response) {
        return !response.columns().isEmpty();
    }

    private void closeResults() {
        if (results != null) {
            results.close();
            results = null;
        }
    }
}
