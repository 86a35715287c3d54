package dev.ec2inventory.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    void secondMigrateIsANoOp() {
        try (TestDatabase database = TestDatabase.migrated("schema")) {
            assertThat(SchemaMigrations.migrateOverJdbc(database.server(), database.name()).migrationsExecuted).isZero();
        }
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
