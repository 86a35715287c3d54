package dev.ec2inventory.inventory;

import dev.ec2inventory.dataapi.jooq.RenderedStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs exactly the SQL text the Data API would receive, over plain JDBC: each {@code :name} becomes a {@code ?} bound
 * to that name's value, as the Data API receives it (dates as text, which MySQL converts as the service does). Quoted text and identifiers are left alone.
 */
final class RenderedStatementsOverJdbc {

    private RenderedStatementsOverJdbc() {
    }

    static int executeUpdate(Connection connection, RenderedStatement statement) throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement)) {
            return prepared.executeUpdate();
        }
    }

    /** Every row as a list of column values; DATETIME as LocalDateTime, the type the schema classes use. */
    static List<List<Object>> query(Connection connection, RenderedStatement statement) throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement); ResultSet rows = prepared.executeQuery()) {
            List<List<Object>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    Object value = rows.getObject(column);
                    row.add(value instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : value);
                }
                result.add(row);
            }
            return result;
        }
    }

    private static PreparedStatement prepare(Connection connection, RenderedStatement statement) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        statement.parameters().forEach(parameter -> values.put(parameter.name(), parameter.value()));
        List<String> order = new ArrayList<>();
        String jdbcSql = toJdbc(statement.sql(), order);
        if (!values.keySet().equals(new HashSet<>(order))) {
            throw new IllegalStateException("placeholders " + order + " do not match bind values " + values.keySet());
        }
        PreparedStatement prepared = connection.prepareStatement(jdbcSql);
        for (int i = 0; i < order.size(); i++) {
            prepared.setObject(i + 1, values.get(order.get(i)));
        }
        return prepared;
    }

    /** Replaces each {@code :name} outside quotes with {@code ?}, collecting the names in order. */
    static String toJdbc(String sql, List<String> names) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                jdbc.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
                jdbc.append(c);
            } else if (c == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isLetterOrDigit(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end - 1;
            } else {
                jdbc.append(c);
            }
        }
        return jdbc.toString();
    }
}
