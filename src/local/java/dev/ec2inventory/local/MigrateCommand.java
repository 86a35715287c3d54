package dev.ec2inventory.local;

import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.jdbc.DataApiDataSource;
import dev.ec2inventory.dataapi.jdbc.DataApiUrl;
import dev.ec2inventory.local.db.SchemaMigrations;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Applies db/migration to a database through the Data API, as the functions reach it: deploy_scripts/migrate.sh
 * runs it against the deployed cluster, and the local stack against its emulator.
 *
 * <p>It starts nothing local. In particular it never hosts functions, which is what would put placeholder keys in
 * the JVM's system properties: its calls are signed with the user's own credentials, from the SDK's default chain.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the Flyway migrations in db/migration to a database through the RDS Data API, with the "
                + "AWS credentials of the SDK's default chain (AWS_PROFILE, environment, SSO, ...).")
final class MigrateCommand implements Callable<Integer> {

    static final int FAILED = 1;

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
        DataApiUrl url = url();
        out.println("Migrating database " + database + " of " + resourceArn + " through the Data API "
                + url.endpoint().map(uri -> "at " + uri).orElse("in " + url.effectiveRegion()));
        out.flush();
        try (DataApiDataSource dataSource = new DataApiDataSource(url)) {
            MigrateResult result = SchemaMigrations.migrate(dataSource, line -> {
                out.println(line);
                out.flush();
            });
            out.println("Done: " + SchemaMigrations.describe(result) + ".");
            out.flush();
            return 0;
        } catch (FlywayException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("migrate failed: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }

    private DataApiUrl url() {
        try {
            return new DataApiUrl(new DataApiTarget(resourceArn, secretArn, database), Optional.ofNullable(endpoint),
                    Optional.ofNullable(region).filter(name -> !name.isBlank()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
