package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.local.db.SchemaMigrations;
import dev.ec2inventory.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway migrate, info and validate through the Data API driver and the emulator, beside Flyway over JDBC. */
class FlywayThroughDataApiIT {

    private static EmulatedServer cluster;

    @BeforeAll
    static void startEmulator() {
        cluster = EmulatedServer.start();
    }

    @AfterAll
    static void stopEmulator() {
        cluster.close();
    }

    @Test
    void buildsTheSameSchemaAndHistoryAsFlywayOverJdbc() throws SQLException {
        try (TestDatabase throughDataApi = TestDatabase.empty("flyway_dataapi");
                TestDatabase overJdbc = TestDatabase.empty("flyway_jdbc")) {
            DataApiDataSource dataSource = cluster.dataSource(throughDataApi);
            MigrateResult result = SchemaMigrations.configure(dataSource).load().migrate();
            SchemaMigrations.migrateOverJdbc(overJdbc.server(), overJdbc.name());

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isEqualTo(2);
            assertThat(result.targetSchemaVersion).isEqualTo("2");
            for (String query : SCHEMA_QUERIES) {
                assertThat(rows(throughDataApi, query)).as(query).isNotEmpty().isEqualTo(rows(overJdbc, query));
            }
            assertThat(rows(throughDataApi, HISTORY)).isEqualTo(rows(overJdbc, HISTORY)).hasSize(2);
        }
    }

    @Test
    void infoAndValidateReadTheHistoryThroughTheDriver() {
        try (TestDatabase database = TestDatabase.empty("flyway_info")) {
            DataApiDataSource dataSource = cluster.dataSource(database);
            Flyway flyway = SchemaMigrations.configure(dataSource).load();

            assertThat(flyway.info().all()).extracting(MigrationInfo::getState).containsExactly(MigrationState.PENDING, MigrationState.PENDING);
            flyway.migrate();
            MigrationInfo applied = flyway.info().current();

            assertThat(applied.getVersion().getVersion()).isEqualTo("2");
            assertThat(applied.getState()).isEqualTo(MigrationState.SUCCESS);
            assertThat(applied.getDescription()).isEqualTo("exact text identity");
            assertThat(applied.getInstalledOn()).isNotNull();
            assertThat(applied.getInstalledBy()).isEqualTo(database.server().user());
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        }
    }

    @Test
    void aSecondMigrateIsANoOp() throws SQLException {
        try (TestDatabase database = TestDatabase.empty("flyway_again")) {
            DataApiDataSource dataSource = cluster.dataSource(database);
            Flyway flyway = SchemaMigrations.configure(dataSource).load();
            flyway.migrate();
            List<List<String>> history = rows(database, HISTORY);

            MigrateResult again = flyway.migrate();

            assertThat(again.migrationsExecuted).isZero();
            assertThat(again.success).isTrue();
            assertThat(rows(database, HISTORY)).isEqualTo(history);
        }
    }

    @Test
    void anEditedMigrationFailsValidation(@TempDir Path edited) throws IOException {
        copyMigrations(edited);
        Path script = edited.resolve("V1__create_inventory_tables.sql");
        Files.writeString(script, Files.readString(script).replace("VARCHAR(30)", "VARCHAR(31)"));
        try (TestDatabase database = TestDatabase.empty("flyway_edited")) {
            DataApiDataSource dataSource = cluster.dataSource(database);
            SchemaMigrations.configure(dataSource).load().migrate();
            Flyway withEdit = SchemaMigrations.configure(dataSource).locations("filesystem:" + edited).load();

            assertThat(withEdit.validateWithResult().validationSuccessful).isFalse();
            assertThatThrownBy(withEdit::validate).isInstanceOf(FlywayValidateException.class)
                    .hasMessageContaining("checksum mismatch");
            assertThatThrownBy(withEdit::migrate).isInstanceOf(FlywayValidateException.class);
        }
    }

    private static void copyMigrations(Path target) throws IOException {
        try (Stream<Path> scripts = Files.list(SchemaMigrations.DIRECTORY)) {
            for (Path script : scripts.toList()) {
                Files.copy(script, target.resolve(script.getFileName()));
            }
        }
    }

    /** What both paths must agree on; each query runs in the database it compares (DATABASE()). */
    private static final List<String> SCHEMA_QUERIES = List.of(
            "SELECT table_name, table_type, engine, table_collation FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() ORDER BY table_name",
            "SELECT table_name, column_name, ordinal_position, column_default, is_nullable, column_type, "
                    + "character_set_name, collation_name, column_key, extra FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position",
            "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints "
                    + "WHERE constraint_schema = DATABASE() ORDER BY table_name, constraint_name",
            "SELECT table_name, constraint_name, column_name, ordinal_position, referenced_table_name, "
                    + "referenced_column_name FROM information_schema.key_column_usage "
                    + "WHERE constraint_schema = DATABASE() ORDER BY table_name, constraint_name, ordinal_position",
            "SELECT table_name, constraint_name, update_rule, delete_rule FROM "
                    + "information_schema.referential_constraints WHERE constraint_schema = DATABASE() "
                    + "ORDER BY constraint_name",
            "SELECT table_name, index_name, non_unique, seq_in_index, column_name FROM information_schema.statistics "
                    + "WHERE table_schema = DATABASE() ORDER BY table_name, index_name, seq_in_index");

    private static final String HISTORY = "SELECT installed_rank, version, description, type, script, checksum, "
            + "success FROM flyway_schema_history ORDER BY installed_rank";

    /** Every row of a query, over a direct JDBC connection, each value as text. */
    private static List<List<String>> rows(TestDatabase database, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
