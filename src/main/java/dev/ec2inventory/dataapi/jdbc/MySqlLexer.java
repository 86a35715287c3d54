package dev.ec2inventory.dataapi.jdbc;

/**
 * MySQL's rules for the stretches of statement text that are not SQL code: string literals, quoted identifiers and
 * comments. Whoever looks for placeholders or statement ends looks only outside them.
 *
 * <ul>
 *   <li>{@code '...'} and {@code "..."} (a string, or an identifier under {@code ANSI_QUOTES}): a backslash escapes
 *       the next character, and a doubled quote stands for one;</li>
 *   <li>{@code `...`}: an identifier, where a doubled backtick stands for one;</li>
 *   <li>{@code # ...} and {@code -- ...} run to the end of the line; the two dashes start a comment only when
 *       whitespace or a control character follows them, so {@code 5--1} stays arithmetic;</li>
 *   <li>{@code /* ... *}{@code /}, MySQL's executable {@code /*! ... *}{@code /} form included.</li>
 * </ul>
 * One that is never closed runs to the end of the text, as far as the server reads before it fails.
 *
 * <p>The local Data API emulator reads its {@code :name} placeholders with these same rules, so the driver and the
 * emulator cannot disagree about where SQL code is.
 */
public final class MySqlLexer {

    private MySqlLexer() {
    }

    /**
     * The index just past the string literal, quoted identifier or comment that starts at {@code position}, or
     * {@code position} itself when none starts there.
     */
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
