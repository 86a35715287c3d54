package dev.ec2inventory.local.dataapi.sql;

import dev.ec2inventory.dataapi.jdbc.MySqlLexer;
import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MySQL text the way the server would, to find {@code :name} placeholders and statement ends.
 *
 * <p>Placeholders are never found inside string literals, quoted identifiers or comments, which are told apart by
 * {@link MySqlLexer}, the rules the project's JDBC driver uses too. A name starts with a letter or {@code _} and goes
 * on with letters, digits and {@code _}. {@code ::} and MySQL's {@code :=} are left alone.
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
                int notCodeEnd = MySqlLexer.skipQuotedOrComment(sql, position);
                if (notCodeEnd > position) {
                    copyThrough(notCodeEnd);
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
                int commentEnd = MySqlLexer.skipComment(sql, position);
                if (commentEnd > position) {
                    position = commentEnd;
                } else if (Character.isWhitespace(sql.charAt(position))) {
                    position++;
                } else {
                    throw DataApiException.of(DataApiErrorType.VALIDATION, "Multistatements aren't supported.");
                }
            }
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
