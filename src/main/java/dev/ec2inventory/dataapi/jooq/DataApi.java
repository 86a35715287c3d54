package dev.ec2inventory.dataapi.jooq;

import dev.ec2inventory.dataapi.DataApiCalls;
import dev.ec2inventory.dataapi.DataApiLimits;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.DataApiTracing;
import dev.ec2inventory.dataapi.XRayTracing;
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
 */
public final class DataApi implements DataApiSession {

    private final DataApiCalls calls;
    private final DataApiLimits limits;
    private final DataApiSession autoCommit;

    /** Traced with X-Ray where a trace exists, within the service's own size limits. */
    public DataApi(RdsDataClient client, DataApiTarget target) {
        this(client, target, DataApiLimits.DATA_API, XRayTracing.global());
    }

    DataApi(RdsDataClient client, DataApiTarget target, DataApiLimits limits, DataApiTracing tracing) {
        this.calls = new DataApiCalls(client, target, tracing);
        this.limits = limits;
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
     */
    public <T> T transaction(TransactionWork<T> work) {
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
