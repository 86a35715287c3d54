package dev.ec2inventory.local.db;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The Flyway migrations in {@code db/migration}, applied over a direct JDBC connection. */
public final class SchemaMigrations {

    /** Where the migrations live, relative to the project directory (the working directory of Maven runs). */
    public static final Path DIRECTORY = Path.of("db", "migration");

    private SchemaMigrations() {
    }

    public static MigrateResult migrateOverJdbc(DatabaseServer server, String database) {
        return Flyway.configure()
                .dataSource(server.jdbcUrl(database), server.user(), server.password())
                .locations("filesystem:" + DIRECTORY.toAbsolutePath())
                .load()
                .migrate();
    }
}
