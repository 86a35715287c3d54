package dev.ec2inventory.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The Data API answered in memory with {@link StubDataApi}'s fixed answers, built once: what is left to time is the
 * functions' own work (parsing, validation, rendering, translation, JSON), not the SDK's HTTP round trip.
 */
public final class InMemoryRdsDataClient implements RdsDataClient {

    private static final ExecuteStatementResponse INSTANCE_WITH_PACKAGES = instanceWithPackages();

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        if (request.sql().toLowerCase(Locale.ROOT).startsWith("select")) {
            return INSTANCE_WITH_PACKAGES;
        }
        int rows = request.sql().split("\\)\\s*,\\s*\\(", -1).length;
        return ExecuteStatementResponse.builder().numberOfRecordsUpdated((long) rows).generatedFields(List.of())
                .build();
    }

    @Override
    public BeginTransactionResponse beginTransaction(BeginTransactionRequest request) {
        return BeginTransactionResponse.builder().transactionId(StubDataApi.TRANSACTION_ID).build();
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
        List<ColumnMetadata> columns = List.of(
                column("aws_instance_id", "ec2", 12, "VARCHAR", 30),
                column("aws_region", "ec2", 12, "VARCHAR", 20),
                column("aws_account", "ec2", 12, "VARCHAR", 20),
                column("creation_date_utc", "ec2", 93, "DATETIME", 19),
                column("package_name", "ec2_package", 12, "VARCHAR", 100),
                column("package_version", "ec2_package", 12, "VARCHAR", 100));
        List<List<Field>> records = new ArrayList<>();
        for (String[] pkg : StubDataApi.PACKAGES) {
            records.add(List.of(text(StubDataApi.INSTANCE_ID), text("us-east-1"), text("123456789012"),
                    text(StubDataApi.CREATED), text(pkg[0]), text(pkg[1])));
        }
        return ExecuteStatementResponse.builder().columnMetadata(columns).records(records)
                .numberOfRecordsUpdated(0L).build();
    }

    private static ColumnMetadata column(String name, String table, int jdbcType, String typeName, int precision) {
        return ColumnMetadata.builder().name(name).label(name).tableName(table).type(jdbcType).typeName(typeName)
                .precision(precision).scale(0).nullable(0).isSigned(false).isCaseSensitive(false)
                .isCurrency(false).isAutoIncrement(false).arrayBaseColumnType(0).schemaName("").build();
    }

    private static Field text(String value) {
        return Field.builder().stringValue(value).build();
    }
}
