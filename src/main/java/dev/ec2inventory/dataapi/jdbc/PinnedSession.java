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
import java.util.function.Supplier;

/**
 * The one database session a JDBC connection runs on: the session of one Data API transaction, begun at the first
 * statement and ended when the connection closes. See the package documentation for why.
 *
 * <p>JDBC's transaction control never ends that Data API transaction; it becomes SQL run inside it:
 * <ul>
 *   <li>{@code setAutoCommit(b)}: {@code SET autocommit = 1} or {@code 0} (MySQL commits what is open when autocommit
 *       goes back on, as JDBC requires);</li>
 *   <li>{@code commit()} and {@code rollback()}: {@code COMMIT} and {@code ROLLBACK};</li>
 *   <li>{@code close()}: {@code CommitTransaction}, which ends the session; in manual-commit mode
 *       {@code RollbackTransaction} instead, so that work never committed is dropped, as MySQL's drivers drop it.</li>
 * </ul>
 * BeginTransaction leaves the session with autocommit off (the local emulator sets it so; the service's column
 * metadata mirrors JDBC's {@code ResultSetMetaData} field for field, which suggests a JDBC backend that does the
 * same), so a connection in JDBC's default auto-commit mode first turns it back on. Were the service to open with
 * {@code START TRANSACTION} instead, that statement would change nothing, and auto-commit work would become durable
 * only at the next {@code COMMIT} or at {@code CommitTransaction}: later, never lost.
 *
 * <p>Each call names the connection's current database, so that it runs where {@code setCatalog} last pointed.
 * Statements ask the Data API to go on running past its 45-second call timeout, as AWS recommends for DDL: a
 * migration's statement cut off halfway is worse than one that finishes after its caller gave up.
 *
 * <p>Calls are serialised: the Data API refuses a call on a transaction that is still running another. They go through
 * the core's {@link DataApiClient}, traced and classified as the translator's are.
 */
final class PinnedSession implements DriverSession {

    private final DataApiClient client;
    /** The cluster and credentials, and the connection's current database. */
    private DataApiTarget target;
    private String transactionId;
    private boolean autoCommit = true;
    private boolean ended;

    PinnedSession(DataApiClient client, DataApiTarget target) {
        this.client = client;
        this.target = target;
    }

    /** Runs one statement in the session, beginning the session's transaction first if this is the first. */
    @Override
    public synchronized StatementResult execute(String sql, List<DataApiParameter> parameters) throws SQLException {
        requireOpen();
        if (transactionId == null) {
            begin();
        }
        return executeInTransaction(sql, parameters);
    }

    @Override
    public synchronized boolean autoCommit() {
        return autoCommit;
    }

    @Override
    public synchronized void setAutoCommit(boolean on) throws SQLException {
        requireOpen();
        if (on == autoCommit) {
            return;
        }
        if (transactionId != null) {
            executeInTransaction(autocommitStatement(on), List.of());
        }
        autoCommit = on;
    }

    @Override
    public synchronized void commit() throws SQLException {
        endLocalTransaction("COMMIT");
    }

    @Override
    public synchronized void rollback() throws SQLException {
        endLocalTransaction("ROLLBACK");
    }

    @Override
    public synchronized String database() {
        return target.database();
    }

    /** MySQL's {@code USE}; before the first statement, the transaction simply begins in that database. */
    @Override
    public synchronized void useDatabase(String name) throws SQLException {
        requireOpen();
        if (name.equals(target.database())) {
            return;
        }
        if (name.isBlank()) {
            // Every Data API call names its database; the service would refuse a blank one.
            throw new SQLException("a database name is required", "3D000");
        }
        if (transactionId != null) {
            executeInTransaction("USE `" + name.replace("`", "``") + "`", List.of());
        }
        target = target.withDatabase(name);
    }

    @Override
    public synchronized boolean isEnded() {
        return ended;
    }

    /** Ends the Data API transaction, and with it the session; later calls fail. Ending twice does nothing. */
    @Override
    public synchronized void end() throws SQLException {
        if (ended) {
            return;
        }
        ended = true;
        if (transactionId == null) {
            return;
        }
        if (autoCommit) {
            call("CommitTransaction", () -> {
                client.commitTransaction(target, transactionId);
                return null;
            });
        } else {
            rollback(transactionId);
        }
    }

    /** A session whose autocommit could not be set is given up, so that no statement runs in the wrong mode. */
    private void begin() throws SQLException {
        transactionId = call("BeginTransaction", () -> client.beginTransaction(target));
        if (!autoCommit) {
            return;
        }
        try {
            executeInTransaction(autocommitStatement(true), List.of());
        } catch (SQLException failure) {
            String abandoned = transactionId;
            transactionId = null;
            try {
                rollback(abandoned);
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    private void endLocalTransaction(String sql) throws SQLException {
        requireOpen();
        if (autoCommit) {
            throw new SQLException(sql + " was asked for in auto-commit mode, where every statement commits on its own");
        }
        if (transactionId != null) {
            executeInTransaction(sql, List.of());
        }
    }

    private StatementResult executeInTransaction(String sql, List<DataApiParameter> parameters) throws SQLException {
        ExecuteOptions options = ExecuteOptions.AUTO_COMMIT.inTransaction(transactionId).withColumns(true)
                .continuingAfterTimeout();
        return call("ExecuteStatement", () -> client.execute(target, new SqlStatement(sql, parameters), options));
    }

    private void rollback(String id) throws SQLException {
        call("RollbackTransaction", () -> {
            client.rollbackTransaction(target, id);
            return null;
        });
    }

    private <T> T call(String operation, Supplier<T> call) throws SQLException {
        try {
            return call.get();
        } catch (DataApiException failure) {
            SQLException translated = JdbcErrors.of(operation, failure);
            if (JdbcErrors.CONNECTION_GONE.equals(translated.getSQLState())) {
                ended = true;
            }
            throw translated;
        }
    }

    private void requireOpen() throws SQLException {
        if (ended) {
            throw new SQLNonTransientConnectionException(
                    "this connection's Data API transaction has ended", JdbcErrors.CONNECTION_GONE);
        }
    }

    private static String autocommitStatement(boolean on) {
        return "SET autocommit = " + (on ? 1 : 0);
    }
}
