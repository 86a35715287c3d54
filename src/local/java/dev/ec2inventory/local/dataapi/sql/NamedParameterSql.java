package dev.ec2inventory.local.dataapi.sql;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MySQL text the way the server would, to find {@code :name} placeholders and statement ends.
 *
 * <p>Placeholders are never found inside string literals ({@code '...'} and {@code "..."}, with backslash escapes and
 * doubled quotes), quoted identifiers ({@code `...`}, with doubled backticks), or comments ({@code # ...},
 * {@code -- ...} when the dashes are followed by a space or control character as MySQL requires, and
 * {@code /* ... *}{@code /}, including MySQL's executable {@code /*! ... *}{@code /} form). A name starts with a
 * letter or {@code _} and goes on with letters, digits and {@code _}. {@code ::} and MySQL's {@code :=} are left
 * alone.
 *
 * <p>Semicolons: the service runs one statement per call and answers {@code ValidationException} "Multistatements
 * aren't supported." to more. One trailing semicolon, followed by nothing but whitespace and comments, is accepted
 * and dropped: the Aurora user guide's own example of running statements one call at a time ends each SQL with
 * {@code ;}, so the service takes it (the model's "Don't include a semicolon" is advice). Anything else after a
 * semicolon, a second semicolon included, is a second statement and is refused.
 */
public final class NamedParameterSql {

    private NamedParameterSql() {
    }

    public static ParsedSql parse(String sql) {
        return new Scanner(sql).scan();
    }

    private static final class Scanner {

        private final String sql;
        private final StringBuilder jdbcSql;
        private final List<String> names = new ArrayList<>();
        private int position;

        Scanner(String sql) {
            this.sql = sql;
            this.jdbcSql = new StringBuilder(sql.length());
        }

        ParsedSql scan() {
            while (position < sql.length()) {
                char c = sql.charAt(position);
                if (c == '\'' || c == '"') {
                    copyQuoted(c, true);
                } else if (c == '`') {
                    copyQuoted(c, false);
                } else if (startsLineComment()) {
                    copyThrough(lineCommentEnd());
                } else if (startsBlockComment()) {
                    copyThrough(blockCommentEnd());
                } else if (c == ':') {
                    placeholderOrColon();
                } else if (c == ';') {
                    requireNothingAfterSemicolon();
                    break;
                } else {
                    jdbcSql.append(c);
                    position++;
                }
            }
            return new ParsedSql(jdbcSql.toString(), names);
        }

        /** Copies a quoted string or identifier, opening and closing quote included; an unclosed one runs to the end. */
        private void copyQuoted(char quote, boolean backslashEscapes) {
            int end = position + 1;
            while (end < sql.length()) {
                char c = sql.charAt(end);
                if (backslashEscapes && c == '\\') {
                    end += 2;
                } else if (c == quote && end + 1 < sql.length() && sql.charAt(end + 1) == quote) {
                    end += 2;
                } else if (c == quote) {
                    end++;
                    break;
                } else {
                    end++;
                }
            }
            copyThrough(Math.min(end, sql.length()));
        }

        private void placeholderOrColon() {
            int nameStart = position + 1;
            if (nameStart < sql.length() && sql.charAt(nameStart) == ':') {
                copyThrough(nameStart + 1);
                return;
            }
            if (nameStart >= sql.length() || !isNameStart(sql.charAt(nameStart))) {
                copyThrough(nameStart);
                return;
            }
            int nameEnd = nameStart + 1;
            while (nameEnd < sql.length() && isNamePart(sql.charAt(nameEnd))) {
                nameEnd++;
            }
            names.add(sql.substring(nameStart, nameEnd));
            jdbcSql.append('?');
            position = nameEnd;
        }

        private void requireNothingAfterSemicolon() {
            position++;
            while (position < sql.length()) {
                if (Character.isWhitespace(sql.charAt(position))) {
                    position++;
                } else if (startsLineComment()) {
                    position = lineCommentEnd();
                } else if (startsBlockComment()) {
                    position = blockCommentEnd();
                } else {
                    throw DataApiException.of(DataApiErrorType.VALIDATION, "Multistatements aren't supported.");
                }
            }
        }

        private boolean startsLineComment() {
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

        private int lineCommentEnd() {
            int newline = sql.indexOf('\n', position);
            return newline < 0 ? sql.length() : newline + 1;
        }

        private boolean startsBlockComment() {
            return sql.startsWith("/*", position);
        }

        private int blockCommentEnd() {
            int close = sql.indexOf("*/", position + 2);
            return close < 0 ? sql.length() : close + 2;
        }

        private void copyThrough(int end) {
            jdbcSql.append(sql, position, end);
            position = end;
        }

        private static boolean isNameStart(char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || (c >= '0' && c <= '9');
        }
    }
}
