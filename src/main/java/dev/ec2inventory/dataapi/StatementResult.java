package dev.ec2inventory.dataapi;

import java.util.List;

/**
 * What one ExecuteStatement returned: columns only for a result set, and only when asked for; values as the Data API
 * types them (read them with {@link DataApiValues#value}); {@code updateCount} 0 when the service gave none.
 */
public record StatementResult(List<ResultColumn> columns, List<List<Object>> rows, long updateCount) {

    public StatementResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
