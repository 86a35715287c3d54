package dev.ec2inventory.dataapi;

import dev.ec2inventory.dataapi.jooq.RenderedStatement;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;

/**
 * The four Data API operations the translator uses, each traced and each failing with a {@link DataApiException}
 * rather than an SDK type.
 */
public final class DataApiCalls {

    /** A request-level plugin that stops the request where it would be sent. */
    private static final AwsRequestOverrideConfiguration REHEARSAL = AwsRequestOverrideConfiguration.builder()
            .addPlugin(client -> client.overrideConfiguration(client.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(new ExecutionInterceptor() {
                        @Override
                        public void beforeTransmission(Context.BeforeTransmission context,
                                ExecutionAttributes attributes) {
                            throw new RehearsalStopped();
                        }
                    })
                    .build()))
            .build();

    private final RdsDataClient client;
    private final DataApiTarget target;
    private final DataApiTracing tracing;

    public DataApiCalls(RdsDataClient client, DataApiTarget target, DataApiTracing tracing) {
        this.client = client;
        this.target = target;
        this.tracing = tracing;
    }

    /**
     * @param transactionId {@code null} to run on its own (auto-commit)
     * @param withColumns   whether to ask for column metadata, which only result sets need
     */
    public ExecuteStatementResponse executeStatement(RenderedStatement statement, String transactionId, boolean withColumns) {
        ExecuteStatementRequest request = executeStatementRequest(statement, transactionId, withColumns).build();
        return call("ExecuteStatement", statement.sql(), () -> client.executeStatement(request),
                response -> response.hasRecords()
                        ? response.records().size()
                        : Math.toIntExact(response.numberOfRecordsUpdated()));
    }

    /**
     * Takes an ExecuteStatement through the SDK up to the moment it would be sent (marshalling, credentials,
     * signing) and drops it there: the first real call of a cold start then finds those classes loaded. Nothing
     * reaches the network, so a paused database stays paused. (Rehearsing the transaction calls too saved nothing
     * measurable: what remains of a first call is the connection and the response, which need the service.)
     */
    public void rehearse(RenderedStatement statement) {
        try {
            client.executeStatement(executeStatementRequest(statement, null, true).overrideConfiguration(REHEARSAL)
                    .build());
        } catch (RehearsalStopped | SdkException stoppedOrFailedEarly) {
            // Stopped as planned; or, say, no credentials yet at init: the first real call will report that.
            return;
        }
        throw new IllegalStateException("a rehearsed request was sent");
    }

    private ExecuteStatementRequest.Builder executeStatementRequest(RenderedStatement statement, String transactionId,
            boolean withColumns) {
        return ExecuteStatementRequest.builder()
                .resourceArn(target.resourceArn())
                .secretArn(target.secretArn())
                .database(target.database())
                .transactionId(transactionId)
                .sql(statement.sql())
                .parameters(statement.sqlParameters())
                .includeResultMetadata(withColumns);
    }

    public String beginTransaction() {
        return call("BeginTransaction", null, () -> client.beginTransaction(begin -> begin
                        .resourceArn(target.resourceArn())
                        .secretArn(target.secretArn())
                        .database(target.database())),
                response -> 0).transactionId();
    }

    public void commitTransaction(String transactionId) {
        call("CommitTransaction", null, () -> client.commitTransaction(commit -> commit
                        .resourceArn(target.resourceArn())
                        .secretArn(target.secretArn())
                        .transactionId(transactionId)),
                response -> 0);
    }

    public void rollbackTransaction(String transactionId) {
        call("RollbackTransaction", null, () -> client.rollbackTransaction(rollback -> rollback
                        .resourceArn(target.resourceArn())
                        .secretArn(target.secretArn())
                        .transactionId(transactionId)),
                response -> 0);
    }

    private <T> T call(String operation, String sql, Supplier<T> call, ToIntFunction<T> rows) {
        return tracing.trace(operation, sql, () -> {
            try {
                return call.get();
            } catch (SdkException failure) {
                throw DataApiException.from(operation, failure);
            }
        }, rows);
    }

    /** Thrown where a rehearsed request would be sent. */
    private static final class RehearsalStopped extends RuntimeException {

        RehearsalStopped() {
            super("rehearsal: not sent", null, false, false);
        }
    }
}
