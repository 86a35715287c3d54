package dev.ec2inventory.testing;

import dev.ec2inventory.local.db.DatabaseServer;
import dev.ec2inventory.local.db.SchemaMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own on the shared test server, named {@code it_<purpose>_<random>} so that concurrent runs never
 * meet, migrated with the project's Flyway scripts, and dropped on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    private final DatabaseServer server;
    private final String name;

    private TestDatabase(DatabaseServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** An empty database, not migrated. */
    public static TestDatabase empty(String purpose) {
        DatabaseServer server = TestDatabaseServer.shared();
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        String name = "it_" + purpose + "_" + HexFormat.of().formatHex(suffix);
        try {
            server.createDatabaseIfMissing(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase(server, name);
    }

    /** A database with the inventory schema applied by Flyway over JDBC. */
    public static TestDatabase migrated(String purpose) {
        TestDatabase database = empty(purpose);
        SchemaMigrations.migrateOverJdbc(database.server, database.name);
        return database;
    }

    public DatabaseServer server() {
        return server;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Removes every inventory row, children first; the schema and Flyway's history stay. */
    public void deleteInventoryRows() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM ec2_package");
            statement.executeUpdate("DELETE FROM package");
            statement.executeUpdate("DELETE FROM ec2");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean test database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            server.dropDatabaseIfExists(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }
}
