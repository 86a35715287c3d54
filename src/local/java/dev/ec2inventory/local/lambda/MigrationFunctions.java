package dev.ec2inventory.local.lambda;

import dev.ec2inventory.migration.MigrationSettings;
import dev.ec2inventory.migration.SchemaMigration;
import dev.ec2inventory.migration.SchemaMigrationFunction;
import java.util.Map;

/** Builds the migration function from an environment map, as the local runner hosts it. */
public final class MigrationFunctions {

    private MigrationFunctions() {
    }

    public static SchemaMigrationFunction create(Map<String, String> environment) {
        return new SchemaMigrationFunction(MigrationSettings.from(environment), SchemaMigration.LOCATION);
    }
}
