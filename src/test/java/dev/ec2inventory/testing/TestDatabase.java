package dev.ec2inventory.testing;

import dev.ec2inventory.local.dataapi.ClusterBinding;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.db.DatabaseServer;
import dev.ec2inventory.local.db.SchemaMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /** The local cluster's ARNs, served by this database's server, with this database as the default one. */
    public ClusterBinding localCluster() {
        return LocalCluster.on(server, name);
    }

    /**
     * Lets the account of {@code applicationUser} (created when missing) use this database as the functions' user
     * does: with the rights the migration gives it, which {@code ApplicationUserIT} proves.
     */
    public void grantApplicationRights(ClusterBinding applicationUser) {
        String account = "'" + applicationUser.databaseServer().user() + "'@'%'";
        execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '"
                        + applicationUser.databaseServer().password() + "'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON `" + name + "`.* TO " + account);
    }

    /** Runs statements over a direct JDBC connection: for set-up, and beside the Data API to check its work. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("JDBC statement failed in " + name + ": " + e.getMessage(), e);
        }
    }

    /** The one number a query answers, read over a direct JDBC connection. */
    public long queryLong(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("JDBC query failed in " + name + ": " + e.getMessage(), e);
        }
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

    /**
     * Drops the database. A transaction still open on it (one whose rollback a test made fail, for instance) would
     * hold the drop until the Data API emulator's idle timeout, three minutes, when the emulator outlives the
     * database: its connection is ended first.
     */
    @Override
    public void close() {
        try {
            endTransactionsOnThisDatabase();
            server.dropDatabaseIfExists(name);
            dropApplicationUser();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }

    /** A local stack on this database creates a user of its own, which outlives the database unless dropped. */
    private void dropApplicationUser() throws SQLException {
        try (Connection connection = server.connectToServer(); Statement statement = connection.createStatement()) {
            statement.execute("DROP USER IF EXISTS '" + LocalCluster.applicationUserName(name) + "'@'%'");
        }
    }

    private void endTransactionsOnThisDatabase() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            List<Long> holders = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT t.trx_mysql_thread_id "
                    + "FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p "
                    + "ON p.ID = t.trx_mysql_thread_id WHERE p.DB = '" + name + "' AND p.ID <> CONNECTION_ID()")) {
                while (result.next()) {
                    holders.add(result.getLong(1));
                }
            }
            for (long holder : holders) {
                statement.execute("KILL CONNECTION " + holder);
            }
        }
    }
}
