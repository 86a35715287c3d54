package dev.ec2inventory.local;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.RetryBudget;
import dev.ec2inventory.migration.MigrationSettings;
import dev.ec2inventory.migration.SchemaMigration;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Applies the packaged db/migration to a database through the Data API with the deployed migration code
 * ({@link SchemaMigration}, one auto-committed call per statement), from a developer's machine: against any emulator,
 * or a real cluster with the user's own credentials. Deployments migrate inside AWS instead (InventorySchema).
 *
 * <p>It starts nothing local. In particular it never hosts functions, which is what would put placeholder keys in
 * the JVM's system properties: its calls are signed with the user's own credentials, from the SDK's default chain.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the Flyway migrations in db/migration to a database through the RDS Data API, with the "
                + "AWS credentials of the SDK's default chain (AWS_PROFILE, environment, SSO, ...).")
final class MigrateCommand implements Callable<Integer> {

    static final int FAILED = 1;

    /** A person waits on this: up to about a minute for a paused cluster. */
    private static final RetryBudget RESUME_WAIT = new RetryBudget(10, Duration.ofSeconds(1), Duration.ofSeconds(8));
    /** No deadline but the user's patience: never stop between migrations for time. */
    private static final Duration NO_DEADLINE = Duration.ofDays(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--resource-arn", required = true, paramLabel = "<arn>", description = "the Aurora cluster's ARN")
    String resourceArn;

    @Option(names = "--secret-arn", required = true, paramLabel = "<arn>",
            description = "the Secrets Manager secret with the database credentials")
    String secretArn;

    @Option(names = "--database", required = true, paramLabel = "<name>", description = "the database to migrate")
    String database;

    @Option(names = "--endpoint", paramLabel = "<url>",
            description = "a Data API endpoint instead of the region's, such as a local emulator's")
    URI endpoint;

    @Option(names = "--region", defaultValue = "${env:AWS_REGION}", paramLabel = "<region>",
            description = "the region to call (default: env AWS_REGION, else the cluster ARN's region)")
    String region;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MigrationSettings settings = settings();
        out.println("Migrating database " + database + " of " + resourceArn + " through the Data API "
                + settings.endpoint().map(uri -> "at " + uri).orElse("in " + settings.region()));
        out.flush();
        try (DataApiClient client = settings.client(RESUME_WAIT)) {
            SchemaMigration migration = new SchemaMigration(settings.dataSource(client));
            SchemaMigration.MigrationReport report = migration.migrate(() -> NO_DEADLINE, line -> {
                out.println("  " + line);
                out.flush();
            });
            out.println("Done: " + report.describe() + ".");
            out.flush();
            return 0;
        } catch (FlywayException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("migrate failed: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }

    private MigrationSettings settings() {
        try {
            return MigrationSettings.of(new DataApiTarget(resourceArn, secretArn, database),
                    Optional.ofNullable(endpoint), Optional.ofNullable(region));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
