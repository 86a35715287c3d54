package dev.ec2inventory.dataapi;

/**
 * The sizes one Data API request may have, in bytes: its SQL text in UTF-8, and its whole body. Bulk statements are
 * split to stay within them.
 */
public record DataApiLimits(int maxSqlBytes, int maxRequestBytes) {

    public static final DataApiLimits DATA_API = new DataApiLimits(64 * 1024, 4 * 1024 * 1024);

    public DataApiLimits {
        if (maxSqlBytes <= 0 || maxRequestBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxSqlBytes + ", " + maxRequestBytes);
        }
    }

    public boolean admits(int sqlBytes, long requestBytes) {
        return sqlBytes <= maxSqlBytes && requestBytes <= maxRequestBytes;
    }

    /** How many times over the tighter limit a statement is, rounded up: 1 when it fits. */
    public int overshoot(int sqlBytes, long requestBytes) {
        double sql = (double) sqlBytes / maxSqlBytes;
        double request = (double) requestBytes / maxRequestBytes;
        return (int) Math.ceil(Math.max(sql, request));
    }
}
