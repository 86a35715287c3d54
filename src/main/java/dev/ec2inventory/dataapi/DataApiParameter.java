package dev.ec2inventory.dataapi;

/**
 * One named parameter as the Data API receives it: {@code value} a {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code byte[]} or {@code null} (SQL NULL); {@code hint} how the server reads a text value, or null.
 */
public record DataApiParameter(String name, Object value, Hint hint) {

    /** The translator and the driver name the n-th parameter {@code p<n>}: {@code :1} is no valid Data API name. */
    public static final String PREFIX = "p";

    public enum Hint { DATE, TIME, TIMESTAMP, DECIMAL, JSON }

    /** The name of the parameter at 1-based position {@code index}. */
    public static String positional(int index) {
        return PREFIX + index;
    }
}
