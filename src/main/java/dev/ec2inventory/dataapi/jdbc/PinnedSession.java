package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiTarget;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

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
 * <p>Calls are serialised: the Data API refuses a call on a transaction that is still running another.
 */
final class PinnedSession {

    private final RdsDataClient client;
    private final DataApiTarget target;
    private String database;
    private String transactionId;
    private boolean autoCommit = true;
    private boolean ended;

    PinnedSession(RdsDataClient client, DataApiTarget target) {
        this.client = client;
        this.target = target;
        this.database = target.database();
    }

    /** Runs one statement in the session, beginning the session's transaction first if this is the first. */
    synchronized ExecuteStatementResponse execute(String sql, List<SqlParameter> parameters) throws SQLException {
        requireOpen();
        if (transactionId == null) {
            begin();
        }
        return executeInTransaction(sql, parameters);
    }

    synchronized boolean autoCommit() {
        return autoCommit;
    }

    synchronized void setAutoCommit(boolean on) throws SQLException {
        requireOpen();
        if (on == autoCommit) {
            return;
        }
        if (transactionId != null) {
            executeInTransaction(autocommitStatement(on), List.of());
        }
        autoCommit = on;
    }

    synchronized void commit() throws SQLException {
        endLocalTransaction("COMMIT");
    }

    synchronized void rollback() throws SQLException {
        endLocalTransaction("ROLLBACK");
    }

    synchronized String database() {
        return database;
    }

    /** MySQL's {@code USE}; before the first statement, the transaction simply begins in that database. */
    synchronized void useDatabase(String name) throws SQLException {
        requireOpen();
        if (name.equals(database)) {
            return;
        }
        if (transactionId != null) {
            executeInTransaction("USE `" + name.replace("`", "``") + "`", List.of());
        }
        database = name;
    }

    synchronized boolean isEnded() {
        return ended;
    }

    /** Ends the Data API transaction, and with it the session; later calls fail. Ending twice does nothing. */
    synchronized void end() throws SQLException {
        if (ended) {
            return;
        }
        ended = true;
        if (transactionId == null) {
            return;
        }
        if (autoCommit) {
            call("CommitTransaction", () -> client.commitTransaction(commit -> commit
                    .resourceArn(target.resourceArn()).secretArn(target.secretArn()).transactionId(transactionId)));
        } else {
            call("RollbackTransaction", () -> client.rollbackTransaction(rollback -> rollback
                    .resourceArn(target.resourceArn()).secretArn(target.secretArn()).transactionId(transactionId)));
        }
    }

    /** A session whose autocommit could not be set is given up, so that no statement runs in the wrong mode. */
    private void begin() throws SQLException {
        transactionId = call("BeginTransaction", () -> client.beginTransaction(begin -> begin
                .resourceArn(target.resourceArn()).secretArn(target.secretArn()).database(database))).transactionId();
        if (!autoCommit) {
            return;
        }
        try {
            executeInTransaction(autocommitStatement(true), List.of());
        } catch (SQLException failure) {
            String abandoned = transactionId;
            transactionId = null;
            try {
                call("RollbackTransaction", () -> client.rollbackTransaction(rollback -> rollback
                        .resourceArn(target.resourceArn()).secretArn(target.secretArn()).transactionId(abandoned)));
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

    private ExecuteStatementResponse executeInTransaction(String sql, List<SqlParameter> parameters)
            throws SQLException {
        return call("ExecuteStatement", () -> client.executeStatement(request -> request
                .resourceArn(target.resourceArn())
                .secretArn(target.secretArn())
                .database(database)
                .transactionId(transactionId)
                .sql(sql)
                .parameters(parameters)
                .includeResultMetadata(true)
                .continueAfterTimeout(true)));
    }

    private <T> T call(String operation, Supplier<T> call) throws SQLException {
        try {
            return call.get();
        } catch (SdkException failure) {
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
