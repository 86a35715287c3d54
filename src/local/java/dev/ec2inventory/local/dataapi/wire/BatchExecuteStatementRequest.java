package dev.ec2inventory.local.dataapi.wire;

import java.util.List;

/** {@code POST /BatchExecute}. */
public record BatchExecuteStatementRequest(
        String resourceArn,
        String secretArn,
        String sql,
        String database,
        String schema,
        List<List<SqlParameter>> parameterSets,
        String transactionId) {
}
