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
 * <p>Its connections share one Data API client. Each connection still holds a database session of its own (see the
 * package documentation).
 */
public final class DataApiDataSource implements DataSource, AutoCloseable {

    private final DataApiUrl url;
    private final DataApiClient client;
    private final boolean ownsClient;

    /** Connections through a client of its own, with the SDK's default credentials chain; {@link #close()} closes it. */
    public DataApiDataSource(DataApiUrl url) {
        this(url, DataApiClients.create(url.effectiveRegion(), url.endpoint(), DataApiDriver.RETRY_BUDGET), true);
    }

    /** Connections through the caller's client, which the caller closes. */
    public DataApiDataSource(DataApiUrl url, DataApiClient client) {
        this(url, client, false);
    }

    private DataApiDataSource(DataApiUrl url, DataApiClient client, boolean ownsClient) {
        this.url = url;
        this.client = client;
        this.ownsClient = ownsClient;
    }

    public DataApiUrl url() {
        return url;
    }

    @Override
    public Connection getConnection() {
        return new DataApiConnection(client, url, () -> { }).jdbc();
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
        return "DataApiDataSource[" + url + "]";
    }
}
