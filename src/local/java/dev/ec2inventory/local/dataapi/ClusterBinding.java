package dev.ec2inventory.local.dataapi;

import dev.ec2inventory.local.db.DatabaseServer;
import java.util.Objects;

/**
 * One (cluster ARN, secret ARN) pair the emulator serves, and the database server behind it. The secret's
 * credentials are the server's user and password; calls without a {@code database} run in {@code defaultDatabase}.
 */
public record ClusterBinding(String resourceArn, String secretArn, DatabaseServer databaseServer, String defaultDatabase) {

    public ClusterBinding {
        requireArn(resourceArn, "resourceArn");
        requireArn(secretArn, "secretArn");
        Objects.requireNonNull(databaseServer, "databaseServer");
        if (defaultDatabase == null || defaultDatabase.isBlank()) {
            throw new IllegalArgumentException("defaultDatabase must name a database, for example ec2_inventory_db");
        }
    }

    private static void requireArn(String arn, String name) {
        if (arn == null || !arn.startsWith("arn:")) {
            throw new IllegalArgumentException(name + " must be an ARN, such as those in LocalCluster, not " + arn);
        }
        // The service model's Arn shape: 11 to 100 characters.
        if (arn.length() > 100) {
            throw new IllegalArgumentException(name + " is longer than the 100 characters an ARN may have: " + arn);
        }
    }
}
