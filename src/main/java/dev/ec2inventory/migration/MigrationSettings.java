package dev.ec2inventory.migration;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiClients;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.DatabaseSecrets;
import dev.ec2inventory.dataapi.RetryBudget;
import dev.ec2inventory.dataapi.jdbc.DataApiDataSource;
import dev.ec2inventory.dataapi.jdbc.StatementRecovery;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where a migration runs: the database (as its master user), the Data API endpoint (a local emulator's, or the
 * region's) and the region; and the secret of the application user it sets up, with Secrets Manager's endpoint.
 */
public record MigrationSettings(DataApiTarget target, Optional<URI> endpoint, String region,
        Optional<String> applicationUserSecretArn, Optional<URI> secretsEndpoint) {

    /** Each answer may take up to the Data API's 45 s call timeout; AWS recommends client timeouts of a minute. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(70);

    public MigrationSettings {
        arnFields(target.resourceArn());
    }

    /** @param region the region to call; without one, the cluster ARN's own */
    public static MigrationSettings of(DataApiTarget target, Optional<URI> endpoint, Optional<String> region) {
        String arnRegion = arnFields(target.resourceArn())[3];
        return new MigrationSettings(target, endpoint, region.filter(name -> !name.isBlank())
                .or(() -> Optional.of(arnRegion).filter(name -> !name.isEmpty()))
                .orElseThrow(() -> new IllegalArgumentException("the cluster ARN names no region; give one")),
                Optional.empty(), Optional.empty());
    }

    /** The same, setting up the application user of the secret {@code secretArn} after each migration. */
    public MigrationSettings withApplicationUser(String secretArn, Optional<URI> secretsManagerEndpoint) {
        return new MigrationSettings(target, endpoint, region, Optional.of(secretArn), secretsManagerEndpoint);
    }

    /** The function's variables: the API functions' ones, the master user's secret, and the application user's. */
    public static MigrationSettings from(Map<String, String> environment) {
        DataApiTarget target = new DataApiTarget(required(environment, "DB_CLUSTER_ARN"),
                required(environment, "DB_CRED_SECRETS_STORE_ARN"), required(environment, "DB_NAME"));
        MigrationSettings settings = of(target, optional(environment, "DATA_API_ENDPOINT").map(URI::create),
                optional(environment, "AWS_REGION"));
        return optional(environment, "DB_APP_SECRET_ARN").map(secretArn -> settings.withApplicationUser(secretArn,
                optional(environment, "SECRETS_MANAGER_ENDPOINT").map(URI::create))).orElse(settings);
    }

    /** A client that retries a resuming database within {@code resumeWait}; the caller closes it. */
    public DataApiClient client(RetryBudget resumeWait) {
        return DataApiClients.create(region, endpoint, resumeWait, READ_TIMEOUT);
    }

    /** Secrets Manager, for the application user's secret; the caller closes it. */
    public DatabaseSecrets secrets() {
        return DatabaseSecrets.create(region, secretsEndpoint);
    }

    /** Statements through {@code client} to this database; the migration adds its own recovery. */
    public DataApiDataSource dataSource(DataApiClient client) {
        return new DataApiDataSource(client, target, StatementRecovery.NONE);
    }

    /**
     * The custom resource's physical id: the cluster's name and the database, never an ARN. It stays the same across
     * updates of one stack, so CloudFormation never deletes an "old" schema after an update.
     */
    public String schemaId() {
        String arn = target.resourceArn();
        return arn.substring(arn.lastIndexOf(':') + 1) + "/" + target.database();
    }

    /** {@code arn:partition:service:region:account:cluster:name}. */
    private static String[] arnFields(String arn) {
        String[] fields = arn.split(":", -1);
        if (fields.length < 7 || !arn.startsWith("arn:")) {
            throw new IllegalArgumentException("the cluster ARN must look like "
                    + "arn:aws:rds:<region>:<account>:cluster:<name>, not " + arn);
        }
        return fields;
    }

    private static String required(Map<String, String> environment, String name) {
        return optional(environment, name).orElseThrow(
                () -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    private static Optional<String> optional(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
