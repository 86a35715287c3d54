package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiTarget;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The driver's one entry point, for tools that take a {@link DataSource}, as Flyway does: connections through the
 * caller's client (which the caller closes), each statement its own auto-committed call.
 */
public final class DataApiDataSource implements DataSource {

    private final DataApiClient client;
    private final DataApiTarget target;
    private final StatementRecovery recovery;

    /** @param recovery what a failed statement yields; {@link StatementRecovery#NONE}: its failure */
    public DataApiDataSource(DataApiClient client, DataApiTarget target, StatementRecovery recovery) {
        this.client = client;
        this.target = target;
        this.recovery = recovery;
    }

    public DataApiDataSource recovering(StatementRecovery recovery) {
        return new DataApiDataSource(client, target, recovery);
    }

    @Override
    public Connection getConnection() {
        return new DataApiConnection(client, target, recovery).jdbc();
    }

    /** The database credentials are in the target's secret; there are no others to give. */
    @Override
    public Connection getConnection(String user, String password) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the Data API takes its database credentials from the secret "
                + target.secretArn() + ", not from a user and password");
    }

    /** The driver writes no log. */
    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
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
    public String toString() {
        return "DataApiDataSource[" + target.resourceArn() + ", database " + target.database() + "]";
    }
}
