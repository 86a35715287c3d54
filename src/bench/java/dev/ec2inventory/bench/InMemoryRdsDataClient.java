package dev.ec2inventory.bench;

import dev.ec2inventory.local.aot.FixedAnswers;
import java.util.List;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionResponse;

/**
 * The Data API answered in memory with the {@link FixedAnswers} the stub gives over HTTP, built once: what is left to
 * time is the functions' own work (parsing, validation, rendering, translation, JSON), not the SDK's HTTP round trip.
 */
public final class InMemoryRdsDataClient implements RdsDataClient {

    private static final ExecuteStatementResponse INSTANCE_WITH_PACKAGES = instanceWithPackages();

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        if (FixedAnswers.isQuery(request.sql())) {
            return INSTANCE_WITH_PACKAGES;
        }
        return ExecuteStatementResponse.builder().numberOfRecordsUpdated(FixedAnswers.updateCountOf(request.sql()))
                .generatedFields(List.of()).build();
    }

    @Override
    public BeginTransactionResponse beginTransaction(BeginTransactionRequest request) {
        return BeginTransactionResponse.builder().transactionId(FixedAnswers.TRANSACTION_ID).build();
    }

    @Override
    public CommitTransactionResponse commitTransaction(CommitTransactionRequest request) {
        return CommitTransactionResponse.builder().transactionStatus("Transaction Committed").build();
    }

    @Override
    public RollbackTransactionResponse rollbackTransaction(RollbackTransactionRequest request) {
        return RollbackTransactionResponse.builder().transactionStatus("Rollback Complete").build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    private static ExecuteStatementResponse instanceWithPackages() {
        FixedAnswers.ResultSet result = FixedAnswers.INSTANCE_WITH_PACKAGES;
        List<ColumnMetadata> columns = result.columns().stream().map(column -> ColumnMetadata.builder()
                .name(column.name()).label(column.name()).tableName(column.table()).type(column.jdbcType())
                .typeName(column.typeName()).precision(column.precision()).scale(0).nullable(0).isSigned(false)
                .isCaseSensitive(false).isCurrency(false).isAutoIncrement(false).arrayBaseColumnType(0)
                .schemaName("").build()).toList();
        List<List<Field>> records = result.rows().stream()
                .map(row -> row.stream().map(InMemoryRdsDataClient::field).toList())
                .toList();
        return ExecuteStatementResponse.builder().columnMetadata(columns).records(records)
                .numberOfRecordsUpdated(0L).build();
    }

    private static Field field(Object value) {
        if (value == null) {
            return Field.builder().isNull(true).build();
        }
        return value instanceof Long number ? Field.builder().longValue(number).build()
                : Field.builder().stringValue((String) value).build();
    }
}
