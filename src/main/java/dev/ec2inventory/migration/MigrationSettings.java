package dev.ec2inventory.migration;

import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.jdbc.DataApiUrl;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What the migration function reads from its environment, in one place: the same variables as the API functions
 * ({@code DB_NAME}, {@code DB_CLUSTER_ARN}, {@code DB_CRED_SECRETS_STORE_ARN}, {@code AWS_REGION}, and optionally
 * {@code DATA_API_ENDPOINT} for a local emulator).
 */
public record MigrationSettings(DataApiUrl url) {

    public static MigrationSettings from(Map<String, String> environment) {
        DataApiTarget target = new DataApiTarget(required(environment, "DB_CLUSTER_ARN"),
                required(environment, "DB_CRED_SECRETS_STORE_ARN"), required(environment, "DB_NAME"));
        Optional<URI> endpoint = optional(environment, "DATA_API_ENDPOINT").map(URI::create);
        return new MigrationSettings(new DataApiUrl(target, endpoint, optional(environment, "AWS_REGION")));
    }

    /**
     * The custom resource's physical id: the cluster's name and the database, never an ARN. It stays the same across
     * updates of one stack, so CloudFormation never deletes an "old" schema after an update.
     */
    public String schemaId() {
        String arn = url.target().resourceArn();
        return arn.substring(arn.lastIndexOf(':') + 1) + "/" + url.target().database();
    }

    private static String required(Map<String, String> environment, String name) {
        return optional(environment, name).orElseThrow(
                () -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    private static Optional<String> optional(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
