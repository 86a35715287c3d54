package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiParameter;

/**
 * A prepared statement's SQL as the Data API takes it: JDBC's positional {@code ?} placeholders become named ones,
 * the n-th {@code ?} becoming {@code :pn} ({@link DataApiParameter#positional}), so that the n-th JDBC parameter is sent as {@code pn}.
 *
 * <p>A {@code ?} inside a string literal, a quoted identifier or a comment ({@link MySqlLexer}) is text, not a
 * placeholder. When a name character directly follows a {@code ?} (as in {@code ?AND}), a space is put after the
 * name, so that the Data API does not read the two as one longer name.
 *
 * @param sql            the rewritten SQL
 * @param parameterCount how many placeholders it has
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
