package dev.ec2inventory.dataapi;

import java.util.List;

/**
 * What one ExecuteStatement returned.
 *
 * @param columns     the result's columns; empty when the statement returns no rows or none were asked for
 * @param rows        each row's values, as the Data API types them (see {@link DataApiParameter#value()}); read
 *                    them as Java types with {@link DataApiValues#value}
 * @param updateCount the rows an update changed; 0 when the service gave no count
 */
public record StatementResult(List<ResultColumn> columns, List<List<Object>> rows, long updateCount) {

    public StatementResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
