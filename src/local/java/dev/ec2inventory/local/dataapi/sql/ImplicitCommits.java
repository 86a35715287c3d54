package dev.ec2inventory.local.dataapi.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a statement ends MySQL's current transaction: it commits implicitly (DDL, {@code LOCK TABLES},
 * {@code START TRANSACTION}, {@code SET autocommit = 1}, ...) or is {@code COMMIT} or {@code ROLLBACK} itself. Read from
 * the statement's first words, after leading comments, following the MySQL 8 manual's "Statements That Cause an
 * Implicit Commit" for the statements a Data API client sends; {@code CREATE/DROP TEMPORARY TABLE} and
 * {@code ROLLBACK TO SAVEPOINT} do not end it.
 */
public final class ImplicitCommits {

    private static final Set<String> ENDING_VERBS = Set.of("ALTER", "CREATE", "DROP", "RENAME", "TRUNCATE", "COMMIT",
            "ROLLBACK", "BEGIN", "START", "LOCK", "UNLOCK", "GRANT", "REVOKE", "ANALYZE", "OPTIMIZE", "REPAIR",
            "INSTALL", "UNINSTALL");
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s+|/\\*.*?\\*/|(--\\s|#)[^\\n]*(\\n|$))+",
            Pattern.DOTALL);
    private static final Pattern NOT_ENDING = Pattern.compile(
            "^(CREATE|DROP)\\s+TEMPORARY\\s.*|^ROLLBACK(\\s+WORK)?\\s+TO\\s.*", Pattern.DOTALL);
    private static final Pattern AUTOCOMMIT_ON = Pattern.compile(
            "^SET\\s+(SESSION\\s+|@@(SESSION\\.)?)?AUTOCOMMIT\\s*(=|:=)\\s*(1|ON|TRUE)\\s*;?\\s*$", Pattern.DOTALL);

    private ImplicitCommits() {
    }

    public static boolean endsTheTransaction(String sql) {
        String statement = LEADING_COMMENTS.matcher(sql).replaceFirst("").toUpperCase(Locale.ROOT);
        String verb = statement.split("[\\s;(]", 2)[0];
        if (ENDING_VERBS.contains(verb)) {
            return !NOT_ENDING.matcher(statement).matches();
        }
        return AUTOCOMMIT_ON.matcher(statement).matches();
    }
}
