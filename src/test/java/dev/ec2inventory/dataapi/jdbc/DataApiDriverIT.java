package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiClients;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiFault;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.testing.EmulatedDatabase;
import dev.ec2inventory.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The driver against the emulator and a real database: statements, values, metadata and errors. */
@EmulatedDatabase(migrated = false)
class DataApiDriverIT {

    private static EmulatedCluster cluster;
    private static TestDatabase database;
    private static DataApiClient client;
    private static DataApiDataSource dataSource;

    @BeforeAll
    static void start(EmulatedCluster emulated) throws SQLException {
        cluster = emulated;
        database = emulated.database;
        client = DataApiClients.create(LocalCluster.REGION, Optional.of(cluster.emulator.endpoint()),
                EmulatedCluster.QUICK_RETRIES);
        dataSource = new DataApiDataSource(client, cluster.target(), StatementRecovery.NONE);
        jdbc("CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE, "
                + "price DECIMAL(8,2), added DATETIME(3), photo VARBINARY(16), big BIGINT UNSIGNED, ok BOOLEAN)");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @AfterEach
    void emptyTable() throws SQLException {
        jdbc("DELETE FROM item");
    }

    @Test
    void autoCommitModeCommitsEachStatementAtOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("INSERT INTO item (name) VALUES ('now')");

            assertThat(countOverJdbc()).isEqualTo(1);
        }
    }

    @Test
    void sqlErrorsCarryMySqlsNumberAndStateAndLeaveTheConnectionUsable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException missing = catchThrowableOfType(SQLException.class, () ->
                    statement.executeQuery("SELECT * FROM no_such_table"));
            statement.execute("INSERT INTO item (name) VALUES ('twice')");
            SQLException duplicate = catchThrowableOfType(SQLException.class, () ->
                    statement.execute("INSERT INTO item (name) VALUES ('twice')"));

            assertThat(missing.getErrorCode()).isEqualTo(1146);
            assertThat(missing.getSQLState()).isEqualTo("42S02");
            assertThat(missing.getMessage()).contains("no_such_table").doesNotContain("Database error code");
            assertThat(duplicate.getErrorCode()).isEqualTo(1062);
            assertThat(duplicate.getSQLState()).isEqualTo("23000");
            assertThat(longValue(statement, "SELECT COUNT(*) FROM item")).isEqualTo(1);
        }
    }

    @Test
    void preparedStatementsRoundTripValuesAsTheTranslatorMapsThem() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO item (name, price, added, photo, big, ok) VALUES (?, ?, ?, ?, ?, ?)");
            insert.setString(1, "it's ? here");
            insert.setBigDecimal(2, new BigDecimal("12.50"));
            insert.setTimestamp(3, Timestamp.valueOf("2024-05-06 07:08:09.123"));
            insert.setBytes(4, "png".getBytes(StandardCharsets.UTF_8));
            insert.setObject(5, new java.math.BigInteger("18446744073709551615"));
            insert.setBoolean(6, true);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            PreparedStatement select = connection.prepareStatement(
                    "SELECT name, price, added, photo, big, ok, id FROM item WHERE name = ? AND '?' = '?'");
            select.setString(1, "it's ? here");

            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("name")).isEqualTo("it's ? here");
                assertThat(row.getBigDecimal("price")).isEqualByComparingTo("12.5");
                assertThat(row.getTimestamp("added")).isEqualTo(Timestamp.valueOf("2024-05-06 07:08:09.123"));
                assertThat(row.getBytes("photo")).isEqualTo("png".getBytes(StandardCharsets.UTF_8));
                assertThat(row.getObject("big")).isEqualTo(new java.math.BigInteger("18446744073709551615"));
                assertThat(row.getBoolean("ok")).isTrue();
                assertThat(row.getObject("id")).isInstanceOf(Integer.class);
                assertThat(row.getMetaData().getColumnType(2)).isEqualTo(Types.DECIMAL);
                assertThat(row.next()).isFalse();
            }
        }
    }

    @Test
    void nullsReadAsNullAndWasNullSaysSo() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO item (name, price) VALUES (?, ?)");
            insert.setString(1, "empty");
            insert.setNull(2, Types.DECIMAL);
            insert.executeUpdate();

            try (ResultSet row = connection.createStatement().executeQuery("SELECT price, added FROM item")) {
                row.next();
                assertThat(row.getBigDecimal(1)).isNull();
                assertThat(row.wasNull()).isTrue();
                assertThat(row.getTimestamp(2)).isNull();
                assertThat(row.getObject(2, LocalDate.class)).isNull();
            }
        }
    }

    @Test
    void describesTheServerTheUserAndTheTables() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Connection direct = database.connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String serverVersion = direct.getMetaData().getDatabaseProductVersion();

            assertThat(metaData.getDatabaseProductName())
                    .isEqualTo(serverVersion.contains("MariaDB") ? "MariaDB" : "MySQL");
            assertThat(metaData.getDatabaseProductVersion()).isEqualTo(serverVersion);
            assertThat(metaData.getUserName()).startsWith(database.server().user() + "@");
            assertThat(metaData.getURL()).isEqualTo("jdbc:aws-data-api://" + LocalCluster.RESOURCE_ARN + "/"
                    + database.name());
            try (ResultSet tables = metaData.getTables(database.name(), null, "item", null)) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_NAME")).isEqualTo("item");
                assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
                assertThat(tables.next()).isFalse();
            }
            try (ResultSet none = metaData.getTables(database.name(), null, "no_such_table", new String[] {"TABLE"})) {
                assertThat(none.next()).isFalse();
            }
        }
    }

    @Test
    void switchesDatabasesWithSetCatalog() throws SQLException {
        try (TestDatabase other = TestDatabase.empty("driver_other");
                Connection connection = dataSource.getConnection()) {
            Statement statement = connection.createStatement();
            statement.execute("SELECT 1");

            connection.setCatalog(other.name());

            try (ResultSet current = statement.executeQuery("SELECT DATABASE()")) {
                current.next();
                assertThat(current.getString(1)).isEqualTo(other.name());
            }
            assertThat(connection.getCatalog()).isEqualTo(other.name());
        }
    }

    @Test
    void waitsForAResumingDatabaseWithinTheRetryBudget() throws SQLException {
        cluster.emulator.faults().failNext(2, DataApiFault.of("DatabaseResumingException", "The database is resuming"));
        cluster.emulator.calls().reset();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(longValue(connection.createStatement(), "SELECT 1")).isEqualTo(1);
        }

        assertThat(cluster.emulator.calls().count(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(3);
    }

    private static long longValue(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long countOverJdbc() throws SQLException {
        try (Connection connection = database.connect()) {
            return longValue(connection.createStatement(), "SELECT COUNT(*) FROM item");
        }
    }

    private static void jdbc(String sql) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.createStatement().execute(sql);
        }
    }
}
