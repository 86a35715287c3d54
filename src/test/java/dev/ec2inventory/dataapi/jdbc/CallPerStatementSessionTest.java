package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.ScriptedRdsDataClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;

/** The calls a call-per-statement connection makes: each statement on its own, never a transaction. */
class CallPerStatementSessionTest {

    private static final DataApiUrl URL = DataApiUrl.parse("jdbc:aws-data-api://"
            + "arn:aws:rds:us-east-1:123456789012:cluster:c?secretArn=arn:aws:secretsmanager:us-east-1:123456789012:"
            + "secret:s&database=inventory");

    private final ScriptedRdsDataClient client = new ScriptedRdsDataClient();
    private final Connection connection = new DataApiDataSource(URL, new DataApiClient(client),
            SessionMode.CALL_PER_STATEMENT).getConnection();

    @Test
    void runsEachStatementAsItsOwnAutoCommittedCallThatGoesOnPastTheCallTimeout() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT)");
            statement.execute("INSERT INTO t VALUES (1)");
        }
        connection.close();

        assertThat(client.operations()).containsExactly("ExecuteStatement", "ExecuteStatement");
        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql)
                .containsExactly("CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)");
        assertThat(client.statements()).allSatisfy(request -> {
            assertThat(request.transactionId()).isNull();
            assertThat(request.continueAfterTimeout()).isTrue();
            assertThat(request.database()).isEqualTo("inventory");
        });
    }

    @Test
    void acceptsJdbcTransactionsButRefusesToPretendItCanRollBack() throws SQLException {
        connection.setAutoCommit(false);
        connection.createStatement().execute("INSERT INTO t VALUES (1)");
        connection.commit();

        assertThat(connection.getAutoCommit()).isFalse();
        assertThatThrownBy(connection::rollback).isInstanceOf(SQLException.class)
                .hasMessageContaining("nothing can be rolled back");
        assertThat(client.operations()).containsExactly("ExecuteStatement");
    }

    @Test
    void aCatalogChangeOnlyNamesAnotherDatabaseInLaterCalls() throws SQLException {
        connection.setCatalog("other");
        connection.createStatement().execute("SELECT 1");

        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql).containsExactly("SELECT 1");
        assertThat(client.statements().get(0).database()).isEqualTo("other");
        assertThatThrownBy(() -> connection.setCatalog(" ")).isInstanceOf(SQLException.class);
    }

    @Test
    void answersASetOfSessionStateWithoutACallSinceItCouldChangeNothingPastIt() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("SET foreign_key_checks=1, sql_safe_updates=0")).isZero();
            statement.execute("set @flyway_a = NULL, @flyway_b = NULL");
            statement.execute("SET GLOBAL max_connections = 100");
            statement.execute("SET PERSIST innodb_buffer_pool_size = 1");
            statement.execute("SET @v = (SELECT COUNT(*) FROM t)");
            statement.execute("SET PASSWORD FOR u = 'x'");
        }

        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql).containsExactly(
                "SET GLOBAL max_connections = 100", "SET PERSIST innodb_buffer_pool_size = 1",
                "SET @v = (SELECT COUNT(*) FROM t)", "SET PASSWORD FOR u = 'x'");
    }

    @Test
    void aClosedConnectionRunsNothing() throws SQLException {
        connection.close();

        assertThatThrownBy(() -> connection.createStatement()).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(client.requests).isEmpty();
    }
}
