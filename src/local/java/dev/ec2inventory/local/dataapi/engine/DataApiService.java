package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import dev.ec2inventory.local.dataapi.sql.BoundParameters;
import dev.ec2inventory.local.dataapi.sql.ImplicitCommits;
import dev.ec2inventory.local.dataapi.sql.NamedParameterSql;
import dev.ec2inventory.local.dataapi.sql.ParsedSql;
import dev.ec2inventory.local.dataapi.sql.ResultOptions;
import dev.ec2inventory.local.dataapi.wire.BatchExecuteStatementRequest;
import dev.ec2inventory.local.dataapi.wire.BatchExecuteStatementResponse;
import dev.ec2inventory.local.dataapi.wire.BeginTransactionRequest;
import dev.ec2inventory.local.dataapi.wire.BeginTransactionResponse;
import dev.ec2inventory.local.dataapi.wire.EndTransactionRequest;
import dev.ec2inventory.local.dataapi.wire.ExecuteStatementRequest;
import dev.ec2inventory.local.dataapi.wire.ExecuteStatementResponse;
import dev.ec2inventory.local.dataapi.wire.TransactionStatusResponse;
import java.util.List;

/**
 * The Data API operations. Each checks the whole request (cluster, secret, SQL, parameters, options) before it
 * takes a connection, so a refused call never touches the database.
 */
public final class DataApiService {

    private final Clusters clusters;
    private final Transactions transactions;
    private final StatementRunner runner;
    private final boolean implicitCommitEndsTransaction;

    /**
     * @param implicitCommitEndsTransaction end a Data API transaction after a statement that ends MySQL's
     *                                      transaction ({@code ImplicitCommits}); off by default, see the package
     */
    public DataApiService(Clusters clusters, Transactions transactions, StatementRunner runner,
            boolean implicitCommitEndsTransaction) {
        this.clusters = clusters;
        this.transactions = transactions;
        this.runner = runner;
        this.implicitCommitEndsTransaction = implicitCommitEndsTransaction;
    }

    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        Cluster cluster = cluster(request.resourceArn(), request.secretArn());
        RequestChecks.noSchema(request.schema());
        ParsedSql sql = parse(request.sql());
        BoundParameters parameters = BoundParameters.of(sql, request.parameters());
        StatementExecution.Output output = new StatementExecution.Output(
                ResultOptions.from(request.resultSetOptions()),
                Boolean.TRUE.equals(request.includeResultMetadata()),
                RequestChecks.formatRecordsAsJson(request.formatRecordsAs()));
        RequestChecks.maxLength(request.database(), "database", RequestChecks.MAX_DATABASE_NAME_LENGTH);
        SessionLease lease = lease(cluster, request.transactionId());
        String database = RequestChecks.present(request.database()).orElse(lease.defaultDatabase());
        ExecuteStatementResponse response = runner.run(lease, Boolean.TRUE.equals(request.continueAfterTimeout()),
                (session, running) -> StatementExecution.execute(session, running, sql, parameters, database, output));
        if (implicitCommitEndsTransaction && lease.inTransaction() && ImplicitCommits.endsTheTransaction(request.sql())) {
            transactions.endAfterImplicitCommit(request.transactionId(), cluster);
        }
        return response;
    }

    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        Cluster cluster = cluster(request.resourceArn(), request.secretArn());
        RequestChecks.noSchema(request.schema());
        ParsedSql sql = parse(request.sql());
        List<BoundParameters> parameterSets = request.parameterSets() == null ? List.of()
                : request.parameterSets().stream().map(set -> BoundParameters.of(sql, set)).toList();
        RequestChecks.maxLength(request.database(), "database", RequestChecks.MAX_DATABASE_NAME_LENGTH);
        SessionLease lease = lease(cluster, request.transactionId());
        String database = RequestChecks.present(request.database()).orElse(lease.defaultDatabase());
        boolean inTransaction = lease.inTransaction();
        return new BatchExecuteStatementResponse(runner.run(lease, false, (session, running) ->
                StatementExecution.executeBatch(session, running, sql, parameterSets, database, inTransaction)));
    }

    public BeginTransactionResponse beginTransaction(BeginTransactionRequest request) {
        Cluster cluster = cluster(request.resourceArn(), request.secretArn());
        RequestChecks.noSchema(request.schema());
        RequestChecks.maxLength(request.database(), "database", RequestChecks.MAX_DATABASE_NAME_LENGTH);
        String database = RequestChecks.present(request.database()).orElse(cluster.binding().defaultDatabase());
        return new BeginTransactionResponse(transactions.begin(cluster, database));
    }

    public TransactionStatusResponse commitTransaction(EndTransactionRequest request) {
        Cluster cluster = cluster(request.resourceArn(), request.secretArn());
        transactions.commit(RequestChecks.required(request.transactionId(), "transactionId"), cluster);
        return TransactionStatusResponse.COMMITTED;
    }

    public TransactionStatusResponse rollbackTransaction(EndTransactionRequest request) {
        Cluster cluster = cluster(request.resourceArn(), request.secretArn());
        transactions.rollback(RequestChecks.required(request.transactionId(), "transactionId"), cluster);
        return TransactionStatusResponse.ROLLED_BACK;
    }

    /**
     * ExecuteSql is deprecated, and not supported at all for Aurora Serverless v2 and provisioned clusters, which
     * are what this emulates; it is refused with {@code BadRequestException}, the only client error the model lists
     * for it, and the one the service sent when it retired ExecuteSql for v1 clusters.
     */
    public static DataApiException executeSqlNotSupported() {
        return DataApiException.of(DataApiErrorType.BAD_REQUEST, "ExecuteSql is not supported for Aurora Serverless v2 "
                + "and provisioned DB clusters; use ExecuteStatement or BatchExecuteStatement");
    }

    private Cluster cluster(String resourceArn, String secretArn) {
        return clusters.resolve(RequestChecks.required(resourceArn, "resourceArn"),
                RequestChecks.required(secretArn, "secretArn"));
    }

    private SessionLease lease(Cluster cluster, String transactionId) {
        return RequestChecks.present(transactionId)
                .map(id -> transactions.lease(id, cluster))
                .orElseGet(cluster::leaseForOneCall);
    }

    private static ParsedSql parse(String sql) {
        RequestChecks.maxLength(RequestChecks.required(sql, "sql"), "sql", RequestChecks.MAX_SQL_LENGTH);
        return NamedParameterSql.parse(sql);
    }
}
