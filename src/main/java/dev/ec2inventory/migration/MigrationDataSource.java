package dev.ec2inventory.migration;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The data source Flyway migrates through: the driver's, with two changes to how statements fail.
 * <ul>
 *   <li>A statement that does the same sent twice, when its call failed without an answer from the database (the
 *       Data API failed: no MySQL error, no statement left running), is sent once more: a read ({@code SELECT},
 *       {@code SHOW}, a {@link DatabaseMetaData} question), a {@code SET}, and Flyway's writes of its history (its
 *       table, that table's index, a row). Without it, a fault after a migration's last statement, while Flyway
 *       reads and writes its history, would leave the migration applied but unrecorded. Should the first write have
 *       landed after all, the second meets what it made (1062 on the history's primary key {@code installed_rank},
 *       1050 its table, 1061 its index), which is taken as done. A migration's own DDL and writes are never sent
 *       again.</li>
 *   <li>When {@code resuming} ({@link FailedMigration}), a DDL statement refused because its effect is there
 *       already (a table, column, index or foreign key that exists; a foreign key or index already dropped) is taken
 *       as applied, and reported.</li>
 * </ul>
 */
final class MigrationDataSource {

    /**
     * MySQL's answers to DDL whose effect is there: 1050 table, 1060 column, 1061 key name exist; 1091 what is to be
     * dropped is gone; 1826 foreign key name exists.
     */
    private static final Set<Integer> ALREADY_THERE = Set.of(1050, 1060, 1061, 1091, 1826);
    /** MariaDB refuses a duplicate foreign key name as 1005 "Can't create table ... (errno: 121 ...)". */
    private static final int CANNOT_CREATE = 1005;
    /** A history write sent again, when the first landed, answers 1062 the row, 1050 its table, 1061 its index. */
    private static final Set<Integer> LANDED = Set.of(1062, 1050, 1061);
    /** The calls that run one statement. */
    private static final Set<String> RUNS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    private MigrationDataSource() {
    }

    /**
     * @param historyTable Flyway's history table name
     * @param resuming     whether statements whose effect is there are taken as applied
     * @param progress     told of each statement taken as applied
     */
    static DataSource wrap(DataSource driver, String historyTable, boolean resuming, Consumer<String> progress) {
        String table = "\\S*\\b" + Pattern.quote(historyTable) + "\\b";
        Pattern harmlessTwice = Pattern.compile("^\\s*((SELECT|SHOW|SET)\\s|INSERT\\s+INTO\\s+" + table
                + "|CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + table
                + "|CREATE\\s+INDEX\\s+\\S+\\s+ON\\s+" + table + ")",
                Pattern.CASE_INSENSITIVE);
        return proxy(DataSource.class, driver, (target, method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection connection ? proxy(Connection.class, connection, (c, m, a) -> {
                Object made = m.invoke(c, a);
                if (made instanceof DatabaseMetaData metaData) {
                    // Flyway asks it whether its history table exists: a read, as harmless twice as a SELECT.
                    return proxy(DatabaseMetaData.class, metaData, MigrationDataSource::readAgainOnNoAnswer);
                }
                return made instanceof Statement statement && m.getReturnType().isInstance(statement)
                        ? proxy(m.getReturnType(), statement, (s, call, callArgs) -> execute(s, call, callArgs,
                                sql(a, callArgs), harmlessTwice, resuming, progress))
                        : made;
            }) : result;
        });
    }

    private static Object readAgainOnNoAnswer(Object metaData, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(metaData, args);
        } catch (InvocationTargetException wrapped) {
            if (wrapped.getCause() instanceof SQLException failure && noAnswer(failure)) {
                return sendAgain(metaData, method, args, failure);
            }
            throw wrapped.getCause();
        }
    }

    private static Object execute(Object statement, Method method, Object[] args, String sql, Pattern harmlessTwice,
            boolean resuming, Consumer<String> progress) throws Throwable {
        try {
            return method.invoke(statement, args);
        } catch (InvocationTargetException wrapped) {
            if (!RUNS.contains(method.getName()) || !(wrapped.getCause() instanceof SQLException failure)) {
                throw wrapped.getCause();
            }
            if (sql != null && harmlessTwice.matcher(sql).find() && noAnswer(failure)) {
                return sendAgain(statement, method, args, failure);
            }
            if (resuming && sql != null && method.getReturnType() != ResultSet.class && alreadyThere(failure)) {
                progress.accept("taken as already applied (" + failure.getMessage() + "): " + shortly(sql));
                return method.getReturnType() == boolean.class ? Boolean.FALSE : zero(method.getReturnType());
            }
            throw failure;
        }
    }

    private static Object sendAgain(Object statement, Method method, Object[] args, SQLException first)
            throws SQLException {
        try {
            return method.invoke(statement, args);
        } catch (InvocationTargetException | IllegalAccessException again) {
            if (again.getCause() instanceof SQLException second && LANDED.contains(second.getErrorCode())) {
                return method.getReturnType() == boolean.class ? Boolean.FALSE : one(method.getReturnType());
            }
            first.addSuppressed(again.getCause() != null ? again.getCause() : again);
            throw first;
        }
    }

    /** The call failed before the database answered: no MySQL error, and not a statement still running. */
    private static boolean noAnswer(SQLException failure) {
        return failure.getErrorCode() == 0 && !(failure instanceof SQLTimeoutException);
    }

    static boolean alreadyThere(SQLException failure) {
        return ALREADY_THERE.contains(failure.getErrorCode()) || failure.getErrorCode() == CANNOT_CREATE
                && failure.getMessage() != null && failure.getMessage().contains("errno: 121");
    }

    /** A statement on one line, without its comments, cut to 100 characters. */
    private static String shortly(String sql) {
        String text = sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ").strip();
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }

    /** The SQL of a call: the argument of {@code execute(sql)}, or the one a prepared statement was made with. */
    private static String sql(Object[] preparedWith, Object[] callArgs) {
        if (callArgs != null && callArgs.length > 0 && callArgs[0] instanceof String sql) {
            return sql;
        }
        return preparedWith != null && preparedWith.length > 0 && preparedWith[0] instanceof String sql ? sql : null;
    }

    private static Object zero(Class<?> type) {
        return type == long.class ? Long.valueOf(0) : type == int.class ? Integer.valueOf(0) : null;
    }

    private static Object one(Class<?> type) {
        return type == long.class ? Long.valueOf(1) : type == int.class ? Integer.valueOf(1) : null;
    }

    private interface Call {
        Object on(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.on(target, method, args);
            } catch (InvocationTargetException wrapped) {
                throw wrapped.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(MigrationDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
