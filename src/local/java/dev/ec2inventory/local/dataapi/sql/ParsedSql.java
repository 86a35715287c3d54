package dev.ec2inventory.local.dataapi.sql;

import java.util.List;

/**
 * One statement ready for JDBC: {@code :name} placeholders replaced by {@code ?}, and the names in the order the
 * {@code ?}s appear (a name used twice appears twice).
 */
public record ParsedSql(String jdbcSql, List<String> parameterNames) {

    public ParsedSql {
        parameterNames = List.copyOf(parameterNames);
    }
}
