package dev.ec2inventory.dataapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/** The core's statement and result types to and from the SDK's model, so that nothing outside the core needs it. */
final class SdkShapes {

    private SdkShapes() {
    }

    static List<SqlParameter> parameters(List<DataApiParameter> parameters) {
        List<SqlParameter> sdk = new ArrayList<>(parameters.size());
        for (DataApiParameter parameter : parameters) {
            sdk.add(parameter(parameter));
        }
        return sdk;
    }

    static SqlParameter parameter(DataApiParameter parameter) {
        SqlParameter.Builder sdk = SqlParameter.builder().name(parameter.name()).value(field(parameter.value()));
        if (parameter.hint() != null) {
            sdk.typeHint(TypeHint.fromValue(parameter.hint().name()));
        }
        return sdk.build();
    }

    static StatementResult result(ExecuteStatementResponse response) {
        List<ResultColumn> columns = response.hasColumnMetadata()
                ? response.columnMetadata().stream().map(SdkShapes::column).toList()
                : List.of();
        List<List<Object>> rows = new ArrayList<>();
        if (response.hasRecords()) {
            for (List<Field> record : response.records()) {
                rows.add(row(record));
            }
        }
        Long updated = response.numberOfRecordsUpdated();
        return new StatementResult(columns, rows, updated == null ? 0 : updated);
    }

    /** The value a field carries, as the Data API typed it: String, Long, Double, Boolean, byte[] or null. */
    static Object value(Field field) {
        return switch (field.type()) {
            case STRING_VALUE -> field.stringValue();
            case LONG_VALUE -> field.longValue();
            case DOUBLE_VALUE -> field.doubleValue();
            case BOOLEAN_VALUE -> field.booleanValue();
            case BLOB_VALUE -> field.blobValue().asByteArray();
            case IS_NULL -> null;
            default -> throw new IllegalArgumentException("unsupported Data API field: " + field.type());
        };
    }

    private static Field field(Object value) {
        if (value == null) {
            return Field.builder().isNull(true).build();
        }
        if (value instanceof String text) {
            return Field.builder().stringValue(text).build();
        }
        if (value instanceof Long number) {
            return Field.builder().longValue(number).build();
        }
        if (value instanceof Double number) {
            return Field.builder().doubleValue(number).build();
        }
        if (value instanceof Boolean bool) {
            return Field.builder().booleanValue(bool).build();
        }
        if (value instanceof byte[] bytes) {
            return Field.builder().blobValue(SdkBytes.fromByteArray(bytes)).build();
        }
        throw new IllegalArgumentException("not a Data API value: " + value.getClass().getName());
    }

    private static List<Object> row(List<Field> record) {
        List<Object> values = new ArrayList<>(record.size());
        for (Field field : record) {
            values.add(value(field));
        }
        return Collections.unmodifiableList(values);
    }

    private static ResultColumn column(ColumnMetadata column) {
        return new ResultColumn(column.name(), column.label(), column.type(), column.typeName(), column.tableName(),
                column.schemaName(), column.precision(), column.scale(), column.nullable(), column.isAutoIncrement(),
                column.isSigned(), column.isCaseSensitive(), column.isCurrency());
    }
}
