package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiClients;
import dev.ec2inventory.dataapi.RetryBudget;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code java.sql.Driver} for {@code jdbc:aws-data-api://} URLs ({@link DataApiUrl}), registered with
 * {@link DriverManager} through {@code META-INF/services/java.sql.Driver}.
 *
 * <p>Each connection gets its own Data API client, closed with the connection; a {@link DataApiDataSource} shares
 * one between its connections instead. Credentials come from the AWS SDK's default chain; {@code user} and
 * {@code password} properties are ignored, since the database credentials are in the secret the URL names.
 */
public final class DataApiDriver implements Driver {

    static final String NAME = "ec2-inventory Data API JDBC driver";
    static final int MAJOR_VERSION = 1;
    static final int MINOR_VERSION = 0;

    /**
     * Waits up to about 55 seconds (1, 2, 4, then 8 s between attempts, each jittered down to half) for a paused
     * cluster to resume: a migration is run by a person or a pipeline, who would rather wait than retry by hand.
     * The handlers' own budget stays shorter, inside API Gateway's 29 seconds.
     */
    static final RetryBudget RETRY_BUDGET = new RetryBudget(10, Duration.ofSeconds(1), Duration.ofSeconds(8));

    static {
        try {
            DriverManager.registerDriver(new DataApiDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        DataApiUrl parsed;
        try {
            parsed = DataApiUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new SQLException("invalid Data API JDBC URL: " + e.getMessage(), JdbcErrors.CANNOT_CONNECT, e);
        }
        DataApiClient client = DataApiClients.create(parsed.effectiveRegion(), parsed.endpoint(), RETRY_BUDGET);
        return new DataApiConnection(client, parsed, SessionMode.PINNED_TRANSACTION, client::close).jdbc();
    }

    @Override
    public boolean acceptsURL(String url) {
        return DataApiUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Only the part of JDBC that Flyway's MySQL support uses is implemented. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the Data API JDBC driver does not log");
    }
}
