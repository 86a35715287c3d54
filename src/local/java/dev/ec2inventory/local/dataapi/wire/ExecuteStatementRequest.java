package dev.ec2inventory.local.dataapi.wire;

import java.util.List;

/** {@code POST /Execute}. */
public record ExecuteStatementRequest(
        String resourceArn,
        String secretArn,
        String sql,
        String database,
        String schema,
        List<SqlParameter> parameters,
        String transactionId,
        Boolean includeResultMetadata,
        Boolean continueAfterTimeout,
        ResultSetOptions resultSetOptions,
        String formatRecordsAs) {
}
