package dev.ec2inventory.dataapi.jdbc;

/**
 * MySQL's rules for the text that is not SQL code: literals, quoted identifiers and comments, one never closed running
 * to the end. {@code --} starts a comment only before whitespace or a control character, so {@code 5--1} stays
 * arithmetic. The local emulator finds its placeholders by these same rules, so the two cannot disagree.
 */
public final class MySqlLexer {

    private MySqlLexer() {
    }

    /** The index just past the literal, quoted identifier or comment at {@code position}, or {@code position}. */
    public static int skipQuotedOrComment(String sql, int position) {
        if (position >= sql.length()) {
            return position;
        }
        char c = sql.charAt(position);
        if (c == '\'' || c == '"') {
            return quotedEnd(sql, position, true);
        }
        if (c == '`') {
            return quotedEnd(sql, position, false);
        }
        return skipComment(sql, position);
    }

    /** The index just past the comment that starts at {@code position}, or {@code position} when none starts there. */
    public static int skipComment(String sql, int position) {
        if (startsLineComment(sql, position)) {
            int newline = sql.indexOf('\n', position);
            return newline < 0 ? sql.length() : newline + 1;
        }
        if (sql.startsWith("/*", position)) {
            int close = sql.indexOf("*/", position + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        return position;
    }

    private static boolean startsLineComment(String sql, int position) {
        if (position >= sql.length()) {
            return false;
        }
        if (sql.charAt(position) == '#') {
            return true;
        }
        if (!sql.startsWith("--", position)) {
            return false;
        }
        int after = position + 2;
        return after == sql.length() || Character.isWhitespace(sql.charAt(after))
                || Character.isISOControl(sql.charAt(after));
    }

    private static int quotedEnd(String sql, int opening, boolean backslashEscapes) {
        char quote = sql.charAt(opening);
        int position = opening + 1;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslashEscapes && c == '\\') {
                position += 2;
            } else if (c == quote && position + 1 < sql.length() && sql.charAt(position + 1) == quote) {
                position += 2;
            } else if (c == quote) {
                return position + 1;
            } else {
                position++;
            }
        }
        return sql.length();
    }
}
