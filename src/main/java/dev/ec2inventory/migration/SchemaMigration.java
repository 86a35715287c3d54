package dev.ec2inventory.migration;

import dev.ec2inventory.dataapi.jdbc.DataApiDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway {@code migrate}, one migration at a time so that it stops before one it may not have time to finish, after
 * resuming a failed migration of an unchanged script ({@link FailedMigration}).
 */
public final class SchemaMigration {

    /** Where the build puts db/migration: the deployed artifact and the test classpath both have it. */
    public static final String LOCATION = "classpath:db/migration";

    /** More than one Data API call may take, so that Lambda never stops a migration halfway. */
    public static final Duration RESERVE = Duration.ofSeconds(60);

    private final DataApiDataSource dataSource;
    private final String location;

    public SchemaMigration(DataApiDataSource dataSource) {
        this(dataSource, LOCATION);
    }

    /** The migrations at a Flyway {@code location}, such as {@code filesystem:/some/dir}: tests change the set. */
    public SchemaMigration(DataApiDataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.location = location;
    }

    private FluentConfiguration configure() {
        return configure(false, line -> { });
    }

    /** @param resuming whether DDL whose effect is there is taken as applied ({@link MigrationRecovery}) */
    private FluentConfiguration configure(boolean resuming, Consumer<String> progress) {
        FluentConfiguration flyway = Flyway.configure().locations(location).failOnMissingLocations(true);
        return flyway.dataSource(dataSource.recovering(new MigrationRecovery(flyway.getTable(), resuming, progress)));
    }

    /** @throws MigrationOutOfTimeException when fewer than {@link #RESERVE} remain before a pending migration */
    public MigrationReport migrate(Supplier<Duration> remaining, Consumer<String> progress) {
        List<String> applied = new ArrayList<>();
        MigrationInfoService info = configure().load().info();
        String version = resumeFailed(info, remaining, progress, applied);
        List<MigrationInfo> pending = Arrays.asList((version == null ? info : configure().load().info()).pending());
        if (pending.isEmpty() || pending.stream().anyMatch(migration -> migration.getVersion() == null)) {
            // Nothing to apply (migrate still validates and creates the history table), or repeatable migrations,
            // which have no version to stop at: one run.
            MigrateResult result = migrateUpTo(MigrationVersion.LATEST, false, progress);
            result.migrations.forEach(migration -> applied.add(migration.filepath));
            return new MigrationReport(applied, currentVersion(result));
        }
        for (MigrationInfo next : pending) {
            Duration left = remaining.get();
            if (left.compareTo(RESERVE) < 0) {
                throw new MigrationOutOfTimeException(next.getScript(), left, applied);
            }
            MigrateResult result = migrateUpTo(next.getVersion(), false, progress);
            result.migrations.forEach(migration -> applied.add(migration.filepath));
            version = currentVersion(result);
        }
        return new MigrationReport(applied, version);
    }

    /** @return the schema's version afterwards, or {@code null} when there was nothing to resume */
    private String resumeFailed(MigrationInfoService info, Supplier<Duration> remaining, Consumer<String> progress,
            List<String> applied) {
        Optional<MigrationInfo> failed = FailedMigration.resumable(info);
        if (failed.isEmpty()) {
            return null;
        }
        MigrationInfo migration = failed.get();
        Duration left = remaining.get();
        if (left.compareTo(RESERVE) < 0) {
            throw new MigrationOutOfTimeException(migration.getScript(), left, applied);
        }
        progress.accept("resuming " + migration.getScript() + ", recorded as failed: its script is unchanged, so "
                + "it is applied again, and each statement whose effect is there already is taken as applied");
        configure().load().repair();
        MigrateResult result = migrateUpTo(migration.getVersion(), true, progress);
        result.migrations.forEach(resumed -> applied.add(resumed.filepath));
        return currentVersion(result);
    }

    private MigrateResult migrateUpTo(MigrationVersion target, boolean resuming, Consumer<String> progress) {
        StatementProgress statements = new StatementProgress(progress);
        try {
            return configure(resuming, progress).target(target).callbacks(statements).load().migrate();
        } catch (RuntimeException failure) {
            statements.describeFailure().ifPresent(failure::addSuppressed);
            throw failure;
        }
    }

    private static String currentVersion(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /** @param schemaVersion the schema's version afterwards; {@code null} when it has none */
    public record MigrationReport(List<String> scripts, String schemaVersion) {

        public MigrationReport {
            scripts = List.copyOf(scripts);
        }

        /** "applied 2 migrations (V1__a.sql, V2__b.sql); the schema is at version 2". */
        public String describe() {
            String schema = schemaVersion == null ? "the schema has no version yet"
                    : "the schema is at version " + schemaVersion;
            if (scripts.isEmpty()) {
                return "nothing to apply; " + schema;
            }
            String count = scripts.size() == 1 ? "1 migration" : scripts.size() + " migrations";
            return "applied " + count + " (" + String.join(", ", scripts.stream().map(SchemaMigration::fileName)
                    .toList()) + "); " + schema;
        }
    }

    static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
