package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiParameter;

/**
 * A prepared statement's SQL as the Data API takes it: the n-th {@code ?} outside literals and comments becomes
 * {@code :pn}. A space follows the name before a name character ({@code ?AND}), or the Data API would read one name.
 */
record NamedPlaceholders(String sql, int parameterCount) {

    static NamedPlaceholders rewrite(String jdbcSql) {
        StringBuilder sql = new StringBuilder(jdbcSql.length() + 16);
        int count = 0;
        int position = 0;
        while (position < jdbcSql.length()) {
            int notCodeEnd = MySqlLexer.skipQuotedOrComment(jdbcSql, position);
            if (notCodeEnd > position) {
                sql.append(jdbcSql, position, notCodeEnd);
                position = notCodeEnd;
                continue;
            }
            char c = jdbcSql.charAt(position++);
            if (c != '?') {
                sql.append(c);
                continue;
            }
            sql.append(':').append(name(++count));
            if (position < jdbcSql.length() && isNamePart(jdbcSql.charAt(position))) {
                sql.append(' ');
            }
        }
        return new NamedPlaceholders(sql.toString(), count);
    }

    /** The Data API name of the parameter at JDBC index {@code index} (1-based). */
    static String name(int index) {
        return DataApiParameter.positional(index);
    }

    private static boolean isNamePart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
