package dev.ec2inventory.migration;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiNoAnswerException;
import dev.ec2inventory.dataapi.DataApiSqlException;
import dev.ec2inventory.dataapi.DataApiStatementTimeoutException;
import dev.ec2inventory.dataapi.DataApiTransactionEndedException;
import dev.ec2inventory.dataapi.DataApiUnavailableException;
import dev.ec2inventory.dataapi.DatabaseSecrets.DatabaseSecretException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * A failed migration's {@code Reason} for CloudFormation, and the full text for the function's log. Whoever may read
 * the stack's events reads the reason, so it carries no text the database wrote (a row's value, a statement, a user
 * name): the script, the statement, MySQL's error code, and where in the log the full message is.
 */
final class FailureReason {

    /** The custom-resource response is 4 KiB in all. */
    static final int MAX_LENGTH = 1_500;
    private static final Pattern ARN = Pattern.compile("arn:aws[a-zA-Z-]*:[^\\s'\",;)\\]}]*");

    private FailureReason() {
    }

    /** For the stack's events: without ARNs, so that neither a secret's ARN nor the account reaches them. */
    static String of(RuntimeException failure, Context context) {
        String pointer = " Full message in the function's log: group " + context.getLogGroupName() + ", stream "
                + context.getLogStreamName() + ", request " + context.getAwsRequestId() + ".";
        String described = scrub(describe(failure));
        return cut(described.endsWith(".") ? described : described + ".", MAX_LENGTH - pointer.length()) + pointer;
    }

    /** For the log only: Flyway's whole message, with the failed statement and the database's own words. */
    static String fullText(RuntimeException failure) {
        StringBuilder text = new StringBuilder(
                failure.getMessage() == null ? failure.toString() : failure.getMessage());
        partial(failure).ifPresent(partial -> text.append(" (").append(partial.getMessage()).append(')'));
        return text.toString();
    }

    static String scrub(String text) {
        return ARN.matcher(text).replaceAll("<arn>").replaceAll("\\s+", " ").strip();
    }

    private static String describe(RuntimeException failure) {
        String cause = cause(failure);
        return partial(failure).map(partial -> inScript(partial, line(failure), cause)).orElse(cause);
    }

    private static String inScript(StatementProgress.PartialMigration partial, OptionalInt line, String cause) {
        int done = partial.statementsDone();
        // The line is Flyway's only when one of the script's statements failed, not its own bookkeeping after them.
        String where = line.isPresent() ? " at statement " + (done + 1) + " (line " + line.getAsInt() + ")" : "";
        String applied = done == 0 ? "none of its statements was applied"
                : done + (done == 1 ? " statement of it stays applied" : " statements of it stay applied");
        return partial.script() + " failed" + where + ": " + cause + "; " + applied;
    }

    /** Words this project or Flyway wrote, or the database's error code: never the database's own message. */
    private static String cause(RuntimeException failure) {
        Optional<DataApiException> dataApi = first(failure, DataApiException.class);
        if (failure instanceof MigrationOutOfTimeException || failure instanceof ApplicationUserException
                || failure instanceof DatabaseSecretException) {
            return failure.getMessage() + dataApi.map(cause -> ": " + dataApiFailure(cause)).orElse("");
        }
        if (dataApi.isPresent()) {
            return dataApiFailure(dataApi.get());
        }
        Optional<SQLException> jdbc = first(failure, SQLException.class);
        if (jdbc.isPresent()) {
            return "the JDBC driver failed" + sqlState(Optional.ofNullable(jdbc.get().getSQLState()));
        }
        if (failure instanceof FlywayException) {
            // With no database error behind it, Flyway speaks of the scripts and its history: versions, checksums.
            return failure.getMessage();
        }
        return "unexpected " + failure.getClass().getName();
    }

    private static String dataApiFailure(DataApiException failure) {
        if (failure instanceof DataApiSqlException refused) {
            OptionalInt code = refused.errorCode();
            return (code.isPresent() ? "MySQL error " + code.getAsInt() : "the database refused it, with no error code")
                    + sqlState(refused.sqlState());
        }
        if (failure instanceof DataApiUnavailableException) {
            return failure.getMessage();
        }
        if (failure instanceof DataApiNoAnswerException) {
            return "no answer came back from the Data API (an I/O error, a timeout or a 5xx from the service)";
        }
        if (failure instanceof DataApiStatementTimeoutException) {
            return "the statement ran past the Data API's call timeout, and may still be running in the database";
        }
        if (failure instanceof DataApiTransactionEndedException) {
            return "the Data API transaction had ended (its idle timeout, or an earlier error, rolled it back)";
        }
        return "the Data API refused the call"
                + (failure.getCause() == null ? "" : " (" + failure.getCause().getClass().getSimpleName() + ")");
    }

    private static String sqlState(Optional<String> state) {
        return state.map(value -> ", SQLSTATE " + value).orElse("");
    }

    private static Optional<StatementProgress.PartialMigration> partial(RuntimeException failure) {
        return Arrays.stream(failure.getSuppressed()).filter(StatementProgress.PartialMigration.class::isInstance)
                .map(StatementProgress.PartialMigration.class::cast).findFirst();
    }

    private static OptionalInt line(RuntimeException failure) {
        return first(failure, FlywayMigrateException.class).stream()
                .mapToInt(FlywayMigrateException::getLineNumber).filter(line -> line > 0).findFirst();
    }

    private static <T> Optional<T> first(Throwable failure, Class<T> type) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).filter(type::isInstance)
                .map(type::cast).findFirst();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }
}
