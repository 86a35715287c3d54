package dev.ec2inventory.dataapi;

/**
 * One named parameter of a statement, as the Data API receives it.
 *
 * @param name  the placeholder's name in the SQL, without the colon
 * @param value the value as the Data API types it: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 *              {@code byte[]}, or {@code null} for SQL NULL ({@link DataApiValues#parameter} maps Java values)
 * @param hint  how the server reads a text value ({@code DATE}, {@code DECIMAL}, ...), or {@code null}
 */
public record DataApiParameter(String name, Object value, Hint hint) {

    /**
     * The prefix of every positional placeholder name: the translator and the JDBC driver both name the n-th
     * parameter {@code p<n>}, since a bare {@code :1} is not a valid Data API parameter name.
     */
    public static final String PREFIX = "p";

    /** The Data API's type hints this project sends. */
    public enum Hint { DATE, TIME, TIMESTAMP, DECIMAL, JSON }

    /** The name of the parameter at 1-based position {@code index}. */
    public static String positional(int index) {
        return PREFIX + index;
    }
}
