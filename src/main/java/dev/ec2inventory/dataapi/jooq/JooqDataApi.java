package dev.ec2inventory.dataapi.jooq;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiLimits;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.ExecuteOptions;
import dev.ec2inventory.dataapi.RetryBudget;
import dev.ec2inventory.dataapi.StatementResult;
import java.util.List;
import java.util.function.Function;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;

/**
 * The translator: jOOQ queries in, Data API calls out, typed jOOQ records back. A transaction, or a statement on its
 * own, that loses a lock conflict runs again whole within the {@link RetryBudget}, so callers rarely see one.
 */
public final class JooqDataApi implements DataApiSession {

    private final DataApiClient client;
    private final DataApiTarget target;
    private final DataApiLimits limits;
    private final RetryBudget lockConflictRetries;
    private final DataApiSession autoCommit;

    /** Within the service's own size limits and the default retry budget. */
    public JooqDataApi(DataApiClient client, DataApiTarget target) {
        this(client, target, RetryBudget.DEFAULT);
    }

    public JooqDataApi(DataApiClient client, DataApiTarget target, RetryBudget lockConflictRetries) {
        this(client, target, DataApiLimits.DATA_API, lockConflictRetries);
    }

    JooqDataApi(DataApiClient client, DataApiTarget target, DataApiLimits limits, RetryBudget lockConflictRetries) {
        this.client = client;
        this.target = target;
        this.limits = limits;
        this.lockConflictRetries = lockConflictRetries;
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
    public <A, R extends Record> Result<R> fetch(StatementTemplate<A, ? extends ResultQuery<R>> template,
            A argument) {
        return autoCommit.fetch(template, argument);
    }

    @Override
    public <A> int execute(StatementTemplate<A, ?> template, A argument) {
        return autoCommit.execute(template, argument);
    }

    /** A failure rolls back and is rethrown, a failed rollback suppressed under it, so the cause is never lost. */
    public <T> T transaction(TransactionWork<T> work) {
        return lockConflictRetries.runAgainOnLockConflict("transaction", () -> runOnce(work));
    }

    private <T> T runOnce(TransactionWork<T> work) {
        String transactionId = client.beginTransaction(target);
        try {
            T result = work.run(new Session(transactionId));
            client.commitTransaction(target, transactionId);
            return result;
        } catch (RuntimeException | Error failure) {
            try {
                client.rollbackTransaction(target, transactionId);
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    private final class Session implements DataApiTransaction {

        private final String transactionId;

        Session(String transactionId) {
            this.transactionId = transactionId;
        }

        @Override
        public <R extends Record> Result<R> fetch(ResultQuery<R> query) {
            StatementResult response = executeStatement(RenderedStatement.render(query), true);
            return ResultRecords.of(query, response);
        }

        @Override
        public int execute(Query query) {
            return updateCount(executeStatement(RenderedStatement.render(query), false));
        }

        @Override
        public <A, R extends Record> Result<R> fetch(StatementTemplate<A, ? extends ResultQuery<R>> template,
                A argument) {
            StatementResult response = executeStatement(template.bind(argument), true);
            return ResultRecords.of(template.query(), template.fields(), response);
        }

        @Override
        public <A> int execute(StatementTemplate<A, ?> template, A argument) {
            return updateCount(executeStatement(template.bind(argument), false));
        }

        @Override
        public <T> int executeBulk(List<T> rows, Function<? super List<T>, ? extends Query> statementFor) {
            int changed = 0;
            for (RenderedStatement statement : BulkStatements.plan(rows, statementFor, limits)) {
                changed += updateCount(executeStatement(statement, false));
            }
            return changed;
        }

        /** Inside a transaction a lock conflict rolled back all of it: only {@link #transaction} may run it again. */
        private StatementResult executeStatement(RenderedStatement statement, boolean withColumns) {
            ExecuteOptions options = ExecuteOptions.AUTO_COMMIT.inTransaction(transactionId).withColumns(withColumns);
            if (transactionId != null) {
                return client.execute(target, statement.statement(), options);
            }
            return lockConflictRetries.runAgainOnLockConflict("statement",
                    () -> client.execute(target, statement.statement(), options));
        }

        private int updateCount(StatementResult response) {
            return Math.toIntExact(response.updateCount());
        }
    }
}
