package dev.ec2inventory.migration;

import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiNoAnswerException;
import dev.ec2inventory.dataapi.DataApiSqlException;
import dev.ec2inventory.dataapi.DataApiUnavailableException;
import dev.ec2inventory.dataapi.SqlStatement;
import dev.ec2inventory.dataapi.StatementResult;
import dev.ec2inventory.dataapi.jdbc.StatementRecovery;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A statement harmless twice (a read, a {@code SET}, Flyway's history writes) that got no answer is sent again, so a
 * migration is never left applied but unrecorded. When resuming, DDL whose effect is there is taken as applied.
 */
final class MigrationRecovery implements StatementRecovery {

    /** 1050 table, 1060 column, 1061 key name exist; 1091 what is to be dropped is gone; 1826 foreign key exists. */
    private static final Set<Integer> ALREADY_THERE = Set.of(1050, 1060, 1061, 1091, 1826);
    /** MariaDB refuses a duplicate foreign key name as 1005 "Can't create table ... (errno: 121 ...)". */
    private static final int CANNOT_CREATE = 1005;
    /** A history write sent again, when the first landed, meets 1062 its row, 1050 its table, 1061 its index. */
    private static final Set<Integer> LANDED = Set.of(1062, 1050, 1061);
    private static final StatementResult NOTHING_UPDATED = new StatementResult(List.of(), List.of(), 0);
    private static final StatementResult ONE_UPDATED = new StatementResult(List.of(), List.of(), 1);

    private final Pattern harmlessTwice;
    private final boolean resuming;
    private final Consumer<String> progress;

    /** @param resuming whether DDL whose effect is there is taken as applied */
    MigrationRecovery(String historyTable, boolean resuming, Consumer<String> progress) {
        String table = "\\S*\\b" + Pattern.quote(historyTable) + "\\b";
        this.harmlessTwice = Pattern.compile("^\\s*((SELECT|SHOW|SET)\\s|INSERT\\s+INTO\\s+" + table
                + "|CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + table
                + "|CREATE\\s+INDEX\\s+\\S+\\s+ON\\s+" + table + ")", Pattern.CASE_INSENSITIVE);
        this.resuming = resuming;
        this.progress = progress;
    }

    @Override
    public StatementResult recover(SqlStatement statement, DataApiException failure,
            Supplier<StatementResult> resend) {
        if (noAnswer(failure) && harmlessTwice.matcher(statement.sql()).find()) {
            return sendAgain(resend, failure);
        }
        if (resuming && failure instanceof DataApiSqlException refused && alreadyThere(refused)) {
            progress.accept("taken as already applied (" + refused.serverMessage() + "): " + shortly(statement.sql()));
            return NOTHING_UPDATED;
        }
        throw failure;
    }

    /** The database could not take the call, or no answer came back; a timed-out statement is still running. */
    private static boolean noAnswer(DataApiException failure) {
        return failure instanceof DataApiNoAnswerException || failure instanceof DataApiUnavailableException;
    }

    private static StatementResult sendAgain(Supplier<StatementResult> resend, DataApiException first) {
        try {
            return resend.get();
        } catch (DataApiException again) {
            if (again instanceof DataApiSqlException sqlError && LANDED.contains(sqlError.errorCode().orElse(0))) {
                return ONE_UPDATED;
            }
            first.addSuppressed(again);
            throw first;
        }
    }

    private static boolean alreadyThere(DataApiSqlException refused) {
        int code = refused.errorCode().orElse(0);
        return ALREADY_THERE.contains(code)
                || code == CANNOT_CREATE && refused.serverMessage().contains("errno: 121");
    }

    private static String shortly(String sql) {
        String text = sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ").strip();
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }
}
