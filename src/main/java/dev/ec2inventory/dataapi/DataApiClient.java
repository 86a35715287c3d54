package dev.ec2inventory.dataapi;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionRequest;

/**
 * The one wrapper of the SDK's {@link RdsDataClient}: each call traced, and failing with a {@link DataApiException}
 * rather than an SDK type, so that the translator and the driver never see the SDK.
 */
public final class DataApiClient implements AutoCloseable {

    private final RdsDataClient client;
    private final DataApiTracing tracing;

    DataApiClient(RdsDataClient client, DataApiTracing tracing) {
        this.client = client;
        this.tracing = tracing;
    }

    /** Traced with X-Ray where a trace exists. {@link #close()} closes {@code client}. */
    public DataApiClient(RdsDataClient client) {
        this(client, XRayTracing.global());
    }

    public StatementResult execute(DataApiTarget target, SqlStatement statement, ExecuteOptions options) {
        ExecuteStatementRequest request = executeStatementRequest(target, statement, options).build();
        ExecuteStatementResponse response = call("ExecuteStatement", statement.sql(),
                () -> client.executeStatement(request), DataApiClient::rowCount);
        return SdkShapes.result(response);
    }

    /**
     * A statement whose text holds a secret (a password literal, which MySQL takes in no other form): the trace
     * records that a statement ran, never its text.
     */
    public void executeHoldingSecret(DataApiTarget target, String sql) {
        ExecuteStatementRequest request = executeStatementRequest(target, new SqlStatement(sql, List.of()),
                ExecuteOptions.AUTO_COMMIT).build();
        call("ExecuteStatement", null, () -> client.executeStatement(request), DataApiClient::rowCount);
    }

    public String beginTransaction(DataApiTarget target) {
        return call("BeginTransaction", null, () -> client.beginTransaction(beginRequest(target)), response -> 0)
                .transactionId();
    }

    public void commitTransaction(DataApiTarget target, String transactionId) {
        CommitTransactionRequest request = CommitTransactionRequest.builder().transactionId(transactionId)
                .resourceArn(target.resourceArn()).secretArn(target.secretArn()).build();
        call("CommitTransaction", null, () -> client.commitTransaction(request), response -> 0);
    }

    public void rollbackTransaction(DataApiTarget target, String transactionId) {
        RollbackTransactionRequest request = RollbackTransactionRequest.builder().transactionId(transactionId)
                .resourceArn(target.resourceArn()).secretArn(target.secretArn()).build();
        call("RollbackTransaction", null, () -> client.rollbackTransaction(request), response -> 0);
    }

    @Override
    public void close() {
        client.close();
    }

    private static BeginTransactionRequest beginRequest(DataApiTarget target) {
        return BeginTransactionRequest.builder()
                .resourceArn(target.resourceArn())
                .secretArn(target.secretArn())
                .database(target.database())
                .build();
    }

    private static ExecuteStatementRequest.Builder executeStatementRequest(DataApiTarget target,
            SqlStatement statement, ExecuteOptions options) {
        return ExecuteStatementRequest.builder()
                .resourceArn(target.resourceArn())
                .secretArn(target.secretArn())
                .database(target.database())
                .transactionId(options.transactionId())
                .sql(statement.sql())
                .parameters(SdkShapes.parameters(statement.parameters()))
                .includeResultMetadata(options.withColumns())
                // Left out unless wanted, so that the translator's requests carry no extra field.
                .continueAfterTimeout(options.continueAfterTimeout() ? Boolean.TRUE : null);
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

    private static int rowCount(ExecuteStatementResponse response) {
        if (response.hasRecords()) {
            return response.records().size();
        }
        Long updated = response.numberOfRecordsUpdated();
        return updated == null ? 0 : Math.toIntExact(updated);
    }
}
