package dev.ec2inventory.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.local.dataapi.sql.NamedParameterSql;
import dev.ec2inventory.local.dataapi.sql.ParsedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * How the database runs one Data API statement: its {@code EXPLAIN} lines in one string ({@code table type key
 * rows=N Extra}, separated by {@code ;}), the rows it returns, the rows it reads from the tables (MariaDB's
 * {@code ANALYZE FORMAT=JSON}: loops times rows per table, temporary tables left out), and its median time over JDBC
 * in 5 runs after a first: the database's share of a request. The statement becomes JDBC SQL as the emulator makes
 * it, with the same values bound.
 */
record StatementPlan(String explain, long rowsReturned, long rowsRead, double jdbcMillis) {

    private static final int TIMED_RUNS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    static StatementPlan of(Connection connection, ExecuteStatementRequest statement) throws SQLException {
        ParsedSql sql = NamedParameterSql.parse(statement.sql());
        Map<String, Object> values = statement.parameters().stream()
                .collect(Collectors.toMap(SqlParameter::name, StatementPlan::valueOf));
        List<String> explainLines = new ArrayList<>();
        try (ResultSet plan = run(connection, "EXPLAIN ", sql, values)) {
            while (plan.next()) {
                explainLines.add(String.join(" ", plan.getString("table"), plan.getString("type"),
                        String.valueOf(plan.getString("key")), "rows=" + plan.getLong("rows"),
                        String.valueOf(plan.getString("Extra"))));
            }
        }
        long returned = 0;
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run <= TIMED_RUNS; run++) {
            long started = System.nanoTime();
            returned = rowsOf(run(connection, "", sql, values));
            if (run > 0) {
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
        try (ResultSet analyzed = run(connection, "ANALYZE FORMAT=JSON ", sql, values)) {
            analyzed.next();
            return new StatementPlan(String.join("; ", explainLines), returned,
                    tableRowsRead(JSON.readTree(analyzed.getString(1))), Summary.of(millis).median());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ANALYZE answered something other than JSON", e);
        }
    }

    private static long rowsOf(ResultSet result) throws SQLException {
        try (result) {
            long rows = 0;
            while (result.next()) {
                rows++;
            }
            return rows;
        }
    }

    private static Object valueOf(SqlParameter parameter) {
        return parameter.value().stringValue() != null ? parameter.value().stringValue()
                : parameter.value().longValue();
    }

    private static ResultSet run(Connection connection, String prefix, ParsedSql sql, Map<String, Object> values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(prefix + sql.jdbcSql());
        statement.closeOnCompletion();
        for (int i = 0; i < sql.parameterNames().size(); i++) {
            statement.setObject(i + 1, values.get(sql.parameterNames().get(i)));
        }
        return statement.executeQuery();
    }

    private static long tableRowsRead(JsonNode node) {
        long read = 0;
        JsonNode table = node.path("table_name");
        if (table.isTextual() && !table.asText().startsWith("<")) {
            read += Math.round(node.path("r_loops").asDouble() * node.path("r_rows").asDouble());
        }
        for (JsonNode child : node) {
            read += tableRowsRead(child);
        }
        return read;
    }
}
