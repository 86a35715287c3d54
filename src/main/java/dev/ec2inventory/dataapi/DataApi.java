package dev.ec2inventory.dataapi;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;

/**
 * The translator: jOOQ queries in, Data API calls out, typed jOOQ records back. Statements outside
 * {@link #transaction(TransactionWork)} commit on their own.
 *
 * <p>A transaction that loses a lock conflict (MySQL's deadlock 1213 or lock-wait timeout 1205) is run again whole,
 * within the {@link RetryBudget}; when the budget runs out the database counts as unavailable, so callers answer
 * "retry later" instead of failing.
 */
public final class DataApi implements DataApiSession {

    private final DataApiCalls calls;
    private final DataApiLimits limits;
    private final RetryBudget transactionRetries;
    private final DataApiSession autoCommit;

    /** Traced with X-Ray where a trace exists, within the service's own size limits and the default retry budget. */
    public DataApi(RdsDataClient client, DataApiTarget target) {
        this(client, target, RetryBudget.DEFAULT);
    }

    /** @param transactionRetries how often, and how long in all, a transaction is run again after a lock conflict */
    public DataApi(RdsDataClient client, DataApiTarget target, RetryBudget transactionRetries) {
        this(client, target, DataApiLimits.DATA_API, XRayTracing.global(), transactionRetries);
    }

    DataApi(RdsDataClient client, DataApiTarget target, DataApiLimits limits, DataApiTracing tracing) {
        this(client, target, limits, tracing, RetryBudget.DEFAULT);
    }

    private DataApi(RdsDataClient client, DataApiTarget target, DataApiLimits limits, DataApiTracing tracing,
            RetryBudget transactionRetries) {
        this.calls = new DataApiCalls(client, target, tracing);
        this.limits = limits;
        this.transactionRetries = transactionRetries;
        this.autoCommit = new Session(null);
    }

    @Override
    public <R extends Record> Result<R> fetch(ResultQuery<R> query) {
        return autoCommit.fetch(query);
    }

    @Override
    public int execute(Query query) {
        return autoCommit.execute(query);
    }

    @Override
    public <T> int executeBulk(List<T> rows, Function<? super List<T>, ? extends Query> statementFor) {
        return autoCommit.executeBulk(rows, statementFor);
    }

    /**
     * BeginTransaction, the work, CommitTransaction. Whatever the work or the commit throws rolls the transaction
     * back and is rethrown; should the rollback fail too, its failure is attached as suppressed, never in its place.
     * A lock conflict runs the whole transaction again, the work included, after the budget's wait; when the budget
     * is spent it is rethrown as a {@link DataApiUnavailableException}. The waits add up to at most the budget's
     * {@link RetryBudget#worstCaseWait() worst case}. A deadlock is reported at once; a lock-wait timeout only after
     * the server's innodb_lock_wait_timeout (50 s by default), so there the function's own timeout comes first.
     */
    public <T> T transaction(TransactionWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work);
            } catch (DataApiSqlException failure) {
                if (!failure.isLockConflict()) {
                    throw failure;
                }
                if (attempt >= transactionRetries.maxAttempts()) {
                    throw new DataApiUnavailableException("transaction: still losing lock conflicts after " + attempt
                            + " attempts", failure);
                }
                pause(transactionRetries.delayBefore(attempt + 1), failure);
            }
        }
    }

    private static void pause(Duration wait, DataApiSqlException failure) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DataApiUnavailableException("transaction: interrupted before running again", failure);
        }
    }

    private <T> T runOnce(TransactionWork<T> work) {
        String transactionId = calls.beginTransaction();
        try {
            T result = work.run(new Session(transactionId));
            calls.commitTransaction(transactionId);
            return result;
        } catch (RuntimeException | Error failure) {
            try {
                calls.rollbackTransaction(transactionId);
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    /**
     * Renders a query and takes its request through the SDK up to sending, where it stops: the classes a first call
     * needs are then loaded, in the function's init phase rather than in its first request. Nothing is sent.
     */
    public void prepare(Query query) {
        calls.rehearse(RenderedStatement.render(query));
    }

    private final class Session implements DataApiSession {

        private final String transactionId;

        Session(String transactionId) {
            this.transactionId = transactionId;
        }

        @Override
        public <R extends Record> Result<R> fetch(ResultQuery<R> query) {
            ExecuteStatementResponse response =
                    calls.executeStatement(RenderedStatement.render(query), transactionId, true);
            return ResultRecords.of(query, response);
        }

        @Override
        public int execute(Query query) {
            return updateCount(calls.executeStatement(RenderedStatement.render(query), transactionId, false));
        }

        @Override
        public <T> int executeBulk(List<T> rows, Function<? super List<T>, ? extends Query> statementFor) {
            int changed = 0;
            for (RenderedStatement statement : BulkStatements.plan(rows, statementFor, limits)) {
                changed += updateCount(calls.executeStatement(statement, transactionId, false));
            }
            return changed;
        }

        private int updateCount(ExecuteStatementResponse response) {
            return Math.toIntExact(response.numberOfRecordsUpdated());
        }
    }
}
