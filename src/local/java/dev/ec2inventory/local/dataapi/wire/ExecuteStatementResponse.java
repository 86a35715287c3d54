package dev.ec2inventory.local.dataapi.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to {@code /Execute}. A query fills {@code records} (and {@code columnMetadata} when asked), or
 * {@code formattedRecords} alone when formatted as JSON; any other statement fills {@code generatedFields}.
 * {@code numberOfRecordsUpdated} is always there (0 for a query).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecuteStatementResponse(
        List<List<Field>> records,
        List<ColumnMetadata> columnMetadata,
        long numberOfRecordsUpdated,
        List<Field> generatedFields,
        String formattedRecords) {

    public static ExecuteStatementResponse ofRecords(List<List<Field>> records, List<ColumnMetadata> columnMetadata) {
        return new ExecuteStatementResponse(records, columnMetadata, 0, null, null);
    }

    public static ExecuteStatementResponse ofFormattedRecords(String formattedRecords) {
        return new ExecuteStatementResponse(null, null, 0, null, formattedRecords);
    }

    public static ExecuteStatementResponse ofUpdate(long numberOfRecordsUpdated, List<Field> generatedFields) {
        return new ExecuteStatementResponse(null, null, numberOfRecordsUpdated, generatedFields, null);
    }
}
