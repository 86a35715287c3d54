package dev.ec2inventory.dataapi;

/**
 * The three values every Data API request repeats: the cluster's ARN, the Secrets Manager secret holding the database
 * credentials, and the database that unqualified table names refer to.
 */
public record DataApiTarget(String resourceArn, String secretArn, String database) {

    public DataApiTarget {
        requireText("resourceArn", resourceArn);
        requireText("secretArn", secretArn);
        requireText("database", database);
    }

    /** The same cluster and credentials, statements running in {@code otherDatabase}. */
    public DataApiTarget withDatabase(String otherDatabase) {
        return new DataApiTarget(resourceArn, secretArn, otherDatabase);
    }

    /** The same cluster and database, signing in with the credentials of another secret. */
    public DataApiTarget withSecret(String otherSecretArn) {
        return new DataApiTarget(resourceArn, otherSecretArn, database);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
