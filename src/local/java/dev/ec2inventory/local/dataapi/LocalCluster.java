package dev.ec2inventory.local.dataapi;

import dev.ec2inventory.local.db.DatabaseServer;

/** The names local runs use for the cluster, its secret and its database, so every local tool agrees on them. */
public final class LocalCluster {

    public static final String RESOURCE_ARN = "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory-local";
    public static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory-local";
    public static final String DATABASE = "ec2_inventory_db";
    public static final String REGION = "us-east-1";

    private LocalCluster() {
    }

    /** The local cluster, served by {@code server}, with {@link #DATABASE} as its default database. */
    public static ClusterBinding on(DatabaseServer server) {
        return new ClusterBinding(RESOURCE_ARN, SECRET_ARN, server, DATABASE);
    }
}
