package dev.ec2inventory.local.db;

import java.nio.file.Path;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The Flyway migrations in {@code db/migration}: applied through the Data API (the JDBC driver in
 * {@code dev.ec2inventory.dataapi.jdbc}) by the runner's {@code migrate} command and by the local stack, and over a
 * direct JDBC connection where tests set up a database beside the Data API.
 */
public final class SchemaMigrations {

    /** Where the migrations live, relative to the project directory (the working directory of Maven runs). */
    public static final Path DIRECTORY = Path.of("db", "migration");

    private static final String LOCATION = "filesystem:" + DIRECTORY.toAbsolutePath();

    private SchemaMigrations() {
    }

    /** Flyway on {@code dataSource}, reading the project's migrations. */
    public static FluentConfiguration configure(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION);
    }

    /** Applies what is pending through {@code dataSource}, telling {@code progress} before each migration. */
    public static MigrateResult migrate(DataSource dataSource, Consumer<String> progress) {
        return configure(dataSource).callbacks(new AnnounceEachMigration(progress)).load().migrate();
    }

    public static MigrateResult migrateOverJdbc(DatabaseServer server, String database) {
        return Flyway.configure()
                .dataSource(server.jdbcUrl(database), server.user(), server.password())
                .locations(LOCATION)
                .load()
                .migrate();
    }

    /** "applied 1 migration, the schema is now at version 1", or "nothing to apply, ...". */
    public static String describe(MigrateResult result) {
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        String schema = version == null ? "the schema has no version yet" : "the schema is at version " + version;
        return switch (result.migrationsExecuted) {
            case 0 -> "nothing to apply, " + schema;
            case 1 -> "applied 1 migration, " + schema.replace(" is at", " is now at");
            default -> "applied " + result.migrationsExecuted + " migrations, " + schema.replace(" is at", " is now at");
        };
    }

    private static final class AnnounceEachMigration extends BaseCallback {

        private final Consumer<String> progress;

        AnnounceEachMigration(Consumer<String> progress) {
            this.progress = progress;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo migration = context.getMigrationInfo();
            progress.accept("  applying " + migration.getScript() + " (" + migration.getDescription() + ")");
        }
    }
}
