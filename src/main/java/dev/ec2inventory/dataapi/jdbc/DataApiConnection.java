package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.StatementResult;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

/**
 * A JDBC {@link Connection} over a {@link CallPerStatementSession}; the catalog, and the schema (MySQL's word for the
 * same thing), is the database. Methods not declared here are unsupported ({@link JdbcFacade}).
 */
final class DataApiConnection {

    private final String resourceArn;
    private final CallPerStatementSession session;
    private final Connection jdbc;
    private ServerVersion server;
    private String userName;
    private boolean autoCommit = true;
    private boolean closed;

    DataApiConnection(DataApiClient client, DataApiTarget target, StatementRecovery recovery) {
        this.resourceArn = target.resourceArn();
        this.session = new CallPerStatementSession(client, target, recovery);
        this.jdbc = JdbcFacade.of(Connection.class, this);
    }

    Connection jdbc() {
        return jdbc;
    }

    public Statement createStatement() throws SQLException {
        requireOpen();
        return new DataApiStatement(this).jdbc();
    }

    public PreparedStatement prepareStatement(String sql) throws SQLException {
        requireOpen();
        return new DataApiPreparedStatement(this, sql).jdbc();
    }

    public boolean getAutoCommit() throws SQLException {
        requireOpen();
        return autoCommit;
    }

    /** Accepted, since Flyway wraps MySQL DDL in JDBC transactions, but every statement still commits on its own. */
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        requireOpen();
        this.autoCommit = autoCommit;
    }

    /** Every statement committed when its call returned. */
    public void commit() throws SQLException {
        requireOpen();
    }

    public void rollback() throws SQLException {
        requireOpen();
        throw new SQLException("nothing can be rolled back: on this Data API connection every statement committed "
                + "when its own call returned");
    }

    public String getCatalog() throws SQLException {
        requireOpen();
        return session.database();
    }

    public void setCatalog(String catalog) throws SQLException {
        requireOpen();
        session.useDatabase(catalog);
    }

    public String getSchema() throws SQLException {
        return getCatalog();
    }

    public void setSchema(String schema) throws SQLException {
        setCatalog(schema);
    }

    public DatabaseMetaData getMetaData() throws SQLException {
        requireOpen();
        return new DataApiDatabaseMetaData(this).jdbc();
    }

    /** The Data API returns no warnings. */
    public SQLWarning getWarnings() throws SQLException {
        requireOpen();
        return null;
    }

    public void clearWarnings() throws SQLException {
        requireOpen();
    }

    /** Runs {@code SELECT 1}: the database may be paused or out of reach. */
    public boolean isValid(int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 0) {
            throw new SQLException("timeout must not be negative: " + timeoutSeconds);
        }
        if (closed) {
            return false;
        }
        try {
            session.execute("SELECT 1", List.of());
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Holds nothing on the service's side: no call outlives its return. */
    public void close() {
        closed = true;
    }

    StatementResult execute(String sql, List<DataApiParameter> parameters) throws SQLException {
        requireOpen();
        return session.execute(sql, parameters);
    }

    /** What {@link DatabaseMetaData#getURL()} says, for Flyway's log: no JDBC driver takes it. */
    String url() {
        return "jdbc:aws-data-api://" + resourceArn + "/" + session.database();
    }

    ServerVersion server() throws SQLException {
        if (server == null) {
            server = ServerVersion.of(queryForText("SELECT VERSION()"));
        }
        return server;
    }

    String userName() throws SQLException {
        if (userName == null) {
            userName = queryForText("SELECT USER()");
        }
        return userName;
    }

    private String queryForText(String sql) throws SQLException {
        try (ResultSet result = createStatement().executeQuery(sql)) {
            if (!result.next()) {
                throw new SQLException(sql + " returned no row");
            }
            return result.getString(1);
        }
    }

    private void requireOpen() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("the connection is closed", JdbcErrors.CONNECTION_GONE);
        }
    }

    @Override
    public String toString() {
        return "DataApiConnection[" + resourceArn + ", database " + session.database() + "]";
    }
}
