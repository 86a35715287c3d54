package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiClients;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} of Data API connections, for tools that take one, as Flyway does: Flyway picks its database
 * support from the connection's metadata, which works for this driver, but it cannot from an unfamiliar
 * {@code jdbc:} URL prefix.
 *
 * <p>Its connections share one Data API client. How each reaches the database is its {@link SessionMode}: a
 * {@link SessionMode#PINNED_TRANSACTION pinned} connection holds a database session of its own, a
 * {@link SessionMode#CALL_PER_STATEMENT call-per-statement} one holds nothing between statements (see the package
 * documentation).
 */
public final class DataApiDataSource implements DataSource, AutoCloseable {

    private final DataApiUrl url;
    private final DataApiClient client;
    private final SessionMode mode;
    private final boolean ownsClient;

    /**
     * Pinned connections through a client of its own, with the SDK's default credentials chain; {@link #close()}
     * closes it.
     */
    public DataApiDataSource(DataApiUrl url) {
        this(url, DataApiClients.create(url.effectiveRegion(), url.endpoint(), DataApiDriver.RETRY_BUDGET),
                SessionMode.PINNED_TRANSACTION, true);
    }

    /** Pinned connections through the caller's client, which the caller closes. */
    public DataApiDataSource(DataApiUrl url, DataApiClient client) {
        this(url, client, SessionMode.PINNED_TRANSACTION, false);
    }

    /** Connections of {@code mode} through the caller's client, which the caller closes. */
    public DataApiDataSource(DataApiUrl url, DataApiClient client, SessionMode mode) {
        this(url, client, mode, false);
    }

    private DataApiDataSource(DataApiUrl url, DataApiClient client, SessionMode mode, boolean ownsClient) {
        this.url = url;
        this.client = client;
        this.mode = mode;
        this.ownsClient = ownsClient;
    }

    public DataApiUrl url() {
        return url;
    }

    @Override
    public Connection getConnection() {
        return new DataApiConnection(client, url, mode, () -> { }).jdbc();
    }

    /** The database credentials are in the secret the URL names; there are no others to give. */
    @Override
    public Connection getConnection(String user, String password) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the Data API takes its database credentials from the secret "
                + url.target().secretArn() + ", not from a user and password");
    }

    /** The driver writes no log. */
    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is ever logged, so there is nothing to redirect
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("connections open without a login; the retry budget bounds the "
                + "wait for a paused database");
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the Data API JDBC driver does not log");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "DataApiDataSource[" + url + ", " + mode + "]";
    }
}
