package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.ExecuteOptions;
import dev.ec2inventory.dataapi.SqlStatement;
import dev.ec2inventory.dataapi.StatementResult;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A connection whose every statement is one ExecuteStatement with no transaction id: the service commits it when the
 * call returns, and then resets the pooled database connection it ran on. That is all AWS documents about calls
 * outside a transaction, and it is how AWS recommends running MySQL DDL (each statement in its own call, with
 * {@code continueAfterTimeout}). Nothing here depends on what the service does with transaction-control SQL.
 *
 * <p>What that means for JDBC callers:
 * <ul>
 *   <li>Nothing of a session outlives its statement: a named lock ({@code GET_LOCK}) is released, and a
 *       {@code SET} undone, as soon as the call returns.</li>
 *   <li>{@code setAutoCommit(false)} is accepted, since tools such as Flyway wrap MySQL DDL in JDBC transactions that
 *       MySQL's implicit commits make meaningless anyway, but every statement still commits on its own;
 *       {@code commit()} has nothing left to do, and {@code rollback()} fails, saying that nothing can be undone,
 *       rather than pretend it undid something.</li>
 *   <li>{@code setCatalog} only changes the database named in later calls ({@code USE} could not outlive its
 *       call).</li>
 *   <li>A {@code SET} of session state ({@code SET foreign_key_checks = 1}, {@code SET @v = NULL}) could change
 *       nothing past its own call, so it is answered here, as an update of no rows, without a call: one failure
 *       fewer where it would hurt most (Flyway restores session settings between a migration's last statement and
 *       its history row). A {@code SET} that may reach further ({@code GLOBAL}, {@code PERSIST}, a password, a
 *       default role, or anything with parentheses, which could call a function) is sent.</li>
 * </ul>
 */
final class CallPerStatementSession implements DriverSession {

    private static final Pattern SESSION_ONLY_SET = Pattern.compile(
            "\\s*SET\\s+(?!.*\\b(GLOBAL|PERSIST|PERSIST_ONLY|PASSWORD|DEFAULT\\s+ROLE)\\b)[^()]*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final StatementResult NOTHING_UPDATED = new StatementResult(List.of(), List.of(), 0);

    private static final ExecuteOptions ON_ITS_OWN = ExecuteOptions.AUTO_COMMIT.withColumns(true)
            .continuingAfterTimeout();

    private final DataApiClient client;
    private DataApiTarget target;
    private boolean autoCommit = true;
    private boolean ended;

    CallPerStatementSession(DataApiClient client, DataApiTarget target) {
        this.client = client;
        this.target = target;
    }

    @Override
    public synchronized StatementResult execute(String sql, List<DataApiParameter> parameters) throws SQLException {
        requireOpen();
        if (SESSION_ONLY_SET.matcher(sql).matches()) {
            return NOTHING_UPDATED;
        }
        try {
            return client.execute(target, new SqlStatement(sql, parameters), ON_ITS_OWN);
        } catch (DataApiException failure) {
            throw JdbcErrors.of("ExecuteStatement", failure);
        }
    }

    @Override
    public synchronized boolean autoCommit() {
        return autoCommit;
    }

    @Override
    public synchronized void setAutoCommit(boolean on) throws SQLException {
        requireOpen();
        autoCommit = on;
    }

    /** Every statement committed when its call returned. */
    @Override
    public synchronized void commit() throws SQLException {
        requireOpen();
    }

    @Override
    public synchronized void rollback() throws SQLException {
        requireOpen();
        throw new SQLException("nothing can be rolled back: on this Data API connection every statement committed "
                + "when its own call returned");
    }

    @Override
    public synchronized String database() {
        return target.database();
    }

    @Override
    public synchronized void useDatabase(String name) throws SQLException {
        requireOpen();
        if (name.isBlank()) {
            // Every Data API call names its database; the service would refuse a blank one.
            throw new SQLException("a database name is required", "3D000");
        }
        target = target.withDatabase(name);
    }

    @Override
    public synchronized boolean isEnded() {
        return ended;
    }

    /** There is nothing to end on the service's side: no call holds anything past its return. */
    @Override
    public synchronized void end() {
        ended = true;
    }

    private void requireOpen() throws SQLException {
        if (ended) {
            throw new SQLNonTransientConnectionException("the connection is closed", JdbcErrors.CONNECTION_GONE);
        }
    }
}
