package dev.ec2inventory.local.dataapi;

import dev.ec2inventory.local.db.DatabaseServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClientBuilder;

/** The names local runs use for the cluster, its secret and its database, so every local tool agrees on them. */
public final class LocalCluster {

    public static final String RESOURCE_ARN = "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory-local";
    public static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory-local";
    public static final String DATABASE = "ec2_inventory_db";
    public static final String REGION = "us-east-1";

    private LocalCluster() {
    }

    /**
     * A client of the emulator at {@code endpoint}, signing with placeholder keys, which the emulator accepts: a
     * local tool that calls it never reads the user's AWS credentials, nor fails on a machine that has none.
     */
    public static RdsDataClient client(URI endpoint) {
        return clientBuilder(endpoint).build();
    }

    /** The same, for callers that change more of the client's configuration (tests turn retries off). */
    public static RdsDataClientBuilder clientBuilder(URI endpoint) {
        return RdsDataClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    /** The local cluster, served by {@code server}, with {@link #DATABASE} as its default database. */
    public static ClusterBinding on(DatabaseServer server) {
        return on(server, DATABASE);
    }

    /** The local cluster, served by {@code server}, with {@code defaultDatabase} as its default database. */
    public static ClusterBinding on(DatabaseServer server, String defaultDatabase) {
        return new ClusterBinding(RESOURCE_ARN, SECRET_ARN, server, defaultDatabase);
    }
}
