package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.ExecuteOptions;
import dev.ec2inventory.dataapi.SqlStatement;
import dev.ec2inventory.dataapi.StatementResult;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a connection's statements reach the database: each is one auto-committed ExecuteStatement with
 * {@code continueAfterTimeout}, as AWS recommends for MySQL DDL, so nothing of a session outlives its statement.
 * A failed call goes to the connection's {@link StatementRecovery} before it becomes an {@code SQLException}.
 */
final class CallPerStatementSession {

    /** A {@code SET} that could change nothing past its own call: answered without one (Flyway sends several). */
    private static final Pattern SESSION_ONLY_SET = Pattern.compile(
            "\\s*SET\\s+(?!.*\\b(GLOBAL|PERSIST|PERSIST_ONLY|PASSWORD|DEFAULT\\s+ROLE)\\b)[^()]*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final StatementResult NOTHING_UPDATED = new StatementResult(List.of(), List.of(), 0);

    private static final ExecuteOptions ON_ITS_OWN = ExecuteOptions.AUTO_COMMIT.withColumns(true)
            .continuingAfterTimeout();

    private final DataApiClient client;
    private final StatementRecovery recovery;
    private DataApiTarget target;

    CallPerStatementSession(DataApiClient client, DataApiTarget target, StatementRecovery recovery) {
        this.client = client;
        this.target = target;
        this.recovery = recovery;
    }

    synchronized StatementResult execute(String sql, List<DataApiParameter> parameters) throws SQLException {
        if (SESSION_ONLY_SET.matcher(sql).matches()) {
            return NOTHING_UPDATED;
        }
        SqlStatement statement = new SqlStatement(sql, parameters);
        try {
            return client.execute(target, statement, ON_ITS_OWN);
        } catch (DataApiException failure) {
            return recover(statement, failure);
        }
    }

    private StatementResult recover(SqlStatement statement, DataApiException failure) throws SQLException {
        try {
            return recovery.recover(statement, failure, () -> client.execute(target, statement, ON_ITS_OWN));
        } catch (DataApiException unrecovered) {
            throw JdbcErrors.of("ExecuteStatement", unrecovered);
        }
    }

    synchronized String database() {
        return target.database();
    }

    /** Only names another database in later calls: a {@code USE} could not outlive its call. */
    synchronized void useDatabase(String name) throws SQLException {
        if (name.isBlank()) {
            // Every Data API call names its database; the service would refuse a blank one.
            throw new SQLException("a database name is required", "3D000");
        }
        target = target.withDatabase(name);
    }
}
