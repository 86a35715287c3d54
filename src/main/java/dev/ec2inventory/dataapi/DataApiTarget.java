package dev.ec2inventory.dataapi;

/**
 * Which database the Data API statements run against, and with which credentials: the three values every Data API
 * request repeats.
 *
 * @param resourceArn the Aurora cluster's ARN
 * @param secretArn   the Secrets Manager secret holding the database credentials
 * @param database    the schema the statements' unqualified table names refer to
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

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
