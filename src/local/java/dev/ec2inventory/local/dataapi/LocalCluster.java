package dev.ec2inventory.local.dataapi;

import dev.ec2inventory.local.db.DatabaseServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
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
    /** The application user's secret, which the API's functions sign in with (the database stack's app secret). */
    public static final String APP_SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory-local-app";
    public static final String DATABASE = "ec2_inventory_db";
    /** The user name deploy_scripts/database.yaml gives the application user. */
    public static final String APP_USER = "ec2_inventory_app";
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

    /**
     * The application user's secret for {@code database}, with a new password: the migration sets the user's password
     * from it on every run. Databases other than the runner's get a user of their own, so that concurrent test stacks
     * on one server never reset each other's password.
     */
    public static ClusterBinding applicationUser(DatabaseServer server, String database) {
        return new ClusterBinding(RESOURCE_ARN, APP_SECRET_ARN, server.as(applicationUserName(database),
                newPassword()), database);
    }

    /** {@link #APP_USER} for {@link #DATABASE}; for another database, a name derived from it, short enough for MySQL. */
    public static String applicationUserName(String database) {
        if (database.equals(DATABASE)) {
            return APP_USER;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return "app_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Letters and digits only, as the database stack generates it (ExcludePunctuation). */
    private static String newPassword() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
