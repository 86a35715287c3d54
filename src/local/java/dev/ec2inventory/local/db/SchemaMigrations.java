package dev.ec2inventory.local.db;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The Flyway migrations in {@code db/migration}: applied through the Data API (the JDBC driver in
 * {@code dev.ec2inventory.dataapi.jdbc}) by the runner's {@code migrate} command and the local stack, and over a
 * direct JDBC connection where tests set up a database beside the Data API.
 */
public final class SchemaMigrations {

    /** Where the migrations live, relative to the project directory (the working directory of Maven runs). */
    public static final Path DIRECTORY = Path.of("db", "migration");

    private SchemaMigrations() {
    }

    /** Flyway on {@code dataSource}, reading the project's migrations. */
    public static FluentConfiguration configure(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + DIRECTORY.toAbsolutePath());
    }

    public static MigrateResult migrateOverJdbc(DatabaseServer server, String database) {
        return Flyway.configure()
                .dataSource(server.jdbcUrl(database), server.user(), server.password())
                .locations("filesystem:" + DIRECTORY.toAbsolutePath())
                .load()
                .migrate();
    }
}
