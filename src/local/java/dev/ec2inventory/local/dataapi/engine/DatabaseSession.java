package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.db.DatabaseServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One JDBC connection and the server's id for it (MySQL's {@code CONNECTION_ID()}), as the service reports it. */
final class DatabaseSession {

    private final Connection connection;
    private final long connectionId;
    private long idleSinceNanos = System.nanoTime();

    private DatabaseSession(Connection connection, long connectionId) {
        this.connection = connection;
        this.connectionId = connectionId;
    }

    /**
     * Opens a session in UTC, as Aurora MySQL's sessions are by default, so TIMESTAMP values read and write the same
     * here as there whatever this machine's zone.
     */
    static DatabaseSession open(DatabaseServer server) throws SQLException {
        Connection connection = server.connectToServer();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
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

    void markIdle() {
        idleSinceNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - idleSinceNanos;
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

    void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being thrown away; there is nothing left to do with it
        }
    }
}
