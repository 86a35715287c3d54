package dev.ec2inventory.dataapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionResponse;

/**
 * An in-memory {@link RdsDataClient} for unit tests: it records every request and answers from a script, by default
 * with an empty success. Behaviour through the real protocol is tested against the emulator.
 */
public final class ScriptedRdsDataClient implements RdsDataClient {

    public static final String TRANSACTION_ID = "tx-1";

    public final List<Object> requests = new ArrayList<>();
    private final Deque<Function<Object, Object>> script = new ArrayDeque<>();

    /** The next call fails with {@code failure}. */
    public ScriptedRdsDataClient thenFail(RuntimeException failure) {
        script.add(request -> {
            throw failure;
        });
        return this;
    }

    /** The next call answers {@code response}. */
    public ScriptedRdsDataClient thenAnswer(Object response) {
        script.add(request -> response);
        return this;
    }

    public static <B extends AwsServiceException.Builder> AwsServiceException serviceError(B builder, String message) {
        return builder.message(message).awsErrorDetails(AwsErrorDetails.builder().errorMessage(message).build())
                .statusCode(400).build();
    }

    public List<String> operations() {
        return requests.stream().map(request -> request.getClass().getSimpleName().replace("Request", "")).toList();
    }

    public List<ExecuteStatementRequest> statements() {
        return requests.stream().filter(ExecuteStatementRequest.class::isInstance)
                .map(ExecuteStatementRequest.class::cast).toList();
    }

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        return answer(request, ExecuteStatementResponse.builder().numberOfRecordsUpdated(0L).build());
    }

    @Override
    public BeginTransactionResponse beginTransaction(BeginTransactionRequest request) {
        return answer(request, BeginTransactionResponse.builder().transactionId(TRANSACTION_ID).build());
    }

    @Override
    public CommitTransactionResponse commitTransaction(CommitTransactionRequest request) {
        return answer(request, CommitTransactionResponse.builder().transactionStatus("Transaction Committed").build());
    }

    @Override
    public RollbackTransactionResponse rollbackTransaction(RollbackTransactionRequest request) {
        return answer(request,
                RollbackTransactionResponse.builder().transactionStatus("Rollback Complete").build());
    }

    @SuppressWarnings("unchecked")
    private <T> T answer(Object request, T fallback) {
        requests.add(request);
        Function<Object, Object> next = script.poll();
        return next == null ? fallback : (T) next.apply(request);
    }

    @Override
    public String serviceName() {
        return "rdsdata";
    }

    @Override
    public void close() {
    }
}
