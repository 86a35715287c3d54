package dev.ec2inventory.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class SchemaMigrationsIT {

    @Test
    void createsTheInventoryTablesWithNamedKeysAndIndexes() throws SQLException {
        try (TestDatabase database = TestDatabase.migrated("schema"); Connection connection = database.connect()) {
            assertThat(tables(connection, database.name()))
                    .containsExactlyInAnyOrder("ec2", "package", "ec2_package", "flyway_schema_history");
            assertThat(foreignKeys(connection, database.name()))
                    .containsExactlyInAnyOrder("fk_ec2_package_ec2:CASCADE", "fk_ec2_package_package:RESTRICT");
            assertThat(indexes(connection, database.name(), "ec2"))
                    .contains("ix_ec2_aws_region", "ix_ec2_aws_account", "ix_ec2_creation_date_utc");
        }
    }

    @Test
    void everyTextColumnComparesByteForByte() throws SQLException {
        try (TestDatabase database = TestDatabase.migrated("schema"); Connection connection = database.connect()) {
            assertThat(strings(connection, "SELECT CONCAT(table_name, '.', column_name, ':', character_set_name, "
                    + "':', collation_name) FROM information_schema.columns WHERE table_schema = '" + database.name()
                    + "' AND table_name IN ('ec2', 'package', 'ec2_package') AND data_type = 'varchar'"))
                    .containsExactlyInAnyOrder(
                            "ec2.aws_instance_id:utf8mb4:utf8mb4_bin", "ec2.aws_region:utf8mb4:utf8mb4_bin",
                            "ec2.aws_account:utf8mb4:utf8mb4_bin", "package.package_name:utf8mb4:utf8mb4_bin",
                            "package.package_version:utf8mb4:utf8mb4_bin",
                            "ec2_package.aws_instance_id:utf8mb4:utf8mb4_bin",
                            "ec2_package.package_name:utf8mb4:utf8mb4_bin",
                            "ec2_package.package_version:utf8mb4:utf8mb4_bin");
        }
    }

    /**
     * Under the old case-insensitive collation an instance could link "pyyaml" to the stored "PyYAML"; the migration
     * keeps every row and link, and the spelling becomes a package of its own.
     */
    @Test
    void exactIdentityKeepsEveryRowOfAPopulatedDatabase() throws SQLException {
        try (TestDatabase database = TestDatabase.empty("schema_populated")) {
            migrateTo(database, "1");
            database.execute(
                    "INSERT INTO ec2 VALUES ('i-A', 'r', 'a', NOW()), ('i-b', 'r', 'a', NOW())",
                    "INSERT INTO package VALUES ('PyYAML', '6.0'), ('x', '1')",
                    "INSERT INTO ec2_package VALUES ('i-A', 'PyYAML', '6.0'), ('i-b', 'pyyaml', '6.0'), ('i-b', 'x', '1')");

            migrateTo(database, "2");

            try (Connection connection = database.connect()) {
                assertThat(strings(connection, "SELECT CONCAT(package_name, '/', package_version) FROM package"))
                        .containsExactlyInAnyOrder("PyYAML/6.0", "pyyaml/6.0", "x/1");
                assertThat(strings(connection, "SELECT CONCAT(aws_instance_id, ':', package_name) FROM ec2_package"))
                        .containsExactlyInAnyOrder("i-A:PyYAML", "i-b:pyyaml", "i-b:x");
                assertThat(foreignKeys(connection, database.name()))
                        .containsExactlyInAnyOrder("fk_ec2_package_ec2:CASCADE", "fk_ec2_package_package:RESTRICT");
                assertThat(strings(connection, "SELECT aws_instance_id FROM ec2 WHERE aws_instance_id = 'I-A'"))
                        .isEmpty();
            }
        }
    }

    @Test
    void secondMigrateIsANoOp() {
        try (TestDatabase database = TestDatabase.migrated("schema")) {
            assertThat(SchemaMigrations.migrateOverJdbc(database.server(), database.name()).migrationsExecuted).isZero();
        }
    }

    private static void migrateTo(TestDatabase database, String version) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.server().user(), database.server().password())
                .locations("filesystem:" + SchemaMigrations.DIRECTORY.toAbsolutePath())
                .target(version)
                .load()
                .migrate();
    }

    private static List<String> tables(Connection connection, String database) throws SQLException {
        return strings(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + database + "'");
    }

    private static List<String> foreignKeys(Connection connection, String database) throws SQLException {
        return strings(connection, "SELECT CONCAT(constraint_name, ':', delete_rule) "
                + "FROM information_schema.referential_constraints WHERE constraint_schema = '" + database + "'");
    }

    private static List<String> indexes(Connection connection, String database, String table) throws SQLException {
        return strings(connection, "SELECT DISTINCT index_name FROM information_schema.statistics "
                + "WHERE table_schema = '" + database + "' AND table_name = '" + table + "'");
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
