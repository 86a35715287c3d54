package dev.ec2inventory.dataapi;

import java.util.List;

/** One statement as the Data API runs it: SQL text with {@code :name} placeholders, and a parameter for each name. */
public record SqlStatement(String sql, List<DataApiParameter> parameters) {

    public SqlStatement {
        parameters = List.copyOf(parameters);
    }
}
