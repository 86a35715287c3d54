package dev.ec2inventory.local.dataapi.engine;

import com.mysql.cj.jdbc.JdbcConnection;
import dev.ec2inventory.local.db.DatabaseServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** One JDBC connection and the server's id for it (MySQL's {@code CONNECTION_ID()}), as the service reports it. */
final class DatabaseSession {

    private final Connection connection;
    private final long connectionId;

    private DatabaseSession(Connection connection, long connectionId) {
        this.connection = connection;
        this.connectionId = connectionId;
    }

    /**
     * Opens a session in UTC, as Aurora MySQL's sessions are by default, so TIMESTAMP values read and write the same
     * here as there whatever this machine's zone.
     */
    static DatabaseSession open(DatabaseServer server) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", server.password());
        // MariaDB's driver sends the server's reset in Connection.reset() only when asked at connect time; MySQL's
        // driver ignores the property.
        properties.setProperty("useResetConnection", "true");
        Connection connection = DriverManager.getConnection(server.urlPrefix() + server.urlOptions(), properties);
        try (Statement statement = connection.createStatement()) {
            useUtc(statement);
            try (ResultSet id = statement.executeQuery("SELECT CONNECTION_ID()")) {
                id.next();
                return new DatabaseSession(connection, id.getLong(1));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    long connectionId() {
        return connectionId;
    }

    /** Makes {@code database} the current one, unless it already is. */
    void useDatabase(String database) throws SQLException {
        if (!database.equals(connection.getCatalog())) {
            connection.setCatalog(database);
        }
    }

    /**
     * Makes the session as good as new before another call may have it, with the server's own reset
     * ({@code COM_RESET_CONNECTION}, or {@code COM_CHANGE_USER} through MySQL's driver): any transaction is rolled
     * back and autocommit is back on; named locks ({@code GET_LOCK}) and table locks are released; user variables,
     * temporary tables and session settings are gone. The session is then put back in UTC.
     *
     * <p>Without it, whatever a call or a transaction left behind would surprise the next call that happened to get
     * the same pooled connection: a lock nobody can release, or {@code autocommit = 0} silently holding its writes.
     *
     * @return {@code false} when the JDBC driver offers no reset; the session must then be closed, not pooled
     */
    boolean reset() throws SQLException {
        if (connection.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
            connection.unwrap(org.mariadb.jdbc.Connection.class).reset();
        } else if (connection.isWrapperFor(JdbcConnection.class)) {
            connection.unwrap(JdbcConnection.class).resetServerState();
        } else {
            return false;
        }
        // The server turned autocommit back on; make sure the driver's own idea of it agrees.
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            useUtc(statement);
        }
        return true;
    }

    boolean isValid() {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops the connection at once, even while another thread runs a statement on it. */
    void abortQuietly() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException ignored) {
            // the connection is being thrown away; there is nothing left to do with it
        }
    }

    private static void useUtc(Statement statement) throws SQLException {
        statement.execute("SET time_zone = '+00:00'");
    }

    void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being thrown away; there is nothing left to do with it
        }
    }
}
