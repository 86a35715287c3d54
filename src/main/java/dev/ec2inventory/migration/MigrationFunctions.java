package dev.ec2inventory.migration;

import java.util.Map;

/** Builds the migration function from an environment map, as the local runner and tests host it. */
public final class MigrationFunctions {

    private MigrationFunctions() {
    }

    public static SchemaMigrationFunction create(Map<String, String> environment) {
        return new SchemaMigrationFunction(MigrationSettings.from(environment), SchemaMigration.LOCATION);
    }
}
