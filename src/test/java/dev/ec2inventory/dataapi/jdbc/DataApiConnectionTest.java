package dev.ec2inventory.dataapi.jdbc;

import static dev.ec2inventory.dataapi.ScriptedRdsDataClient.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.ScriptedRdsDataClient;
import dev.ec2inventory.dataapi.StatementResult;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;

/**
 * The calls a connection makes, against a scripted client: each statement on its own, never a transaction. Behaviour
 * on a real database is in DataApiDriverIT.
 */
class DataApiConnectionTest {

    private static final DataApiTarget TARGET = new DataApiTarget("arn:aws:rds:us-east-1:123456789012:cluster:c",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:s", "inventory");

    private final ScriptedRdsDataClient client = new ScriptedRdsDataClient();
    private final DataApiDataSource dataSource = new DataApiDataSource(new DataApiClient(client), TARGET,
            StatementRecovery.NONE);
    private final Connection connection = dataSource.getConnection();

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
            assertThat(request.includeResultMetadata()).isTrue();
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
        assertThat(connection.getCatalog()).isEqualTo("other");
        assertThatThrownBy(() -> connection.setCatalog(" ")).isInstanceOf(SQLException.class)
                .hasMessageContaining("database name");
        assertThat(connection.getCatalog()).isEqualTo("other");
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
    void aFailureIsAnSqlExceptionWithoutRecovery() {
        client.thenFail(serviceError(DatabaseUnavailableException.builder(), "connection lost"));

        assertThatThrownBy(() -> connection.createStatement().execute("SELECT 1"))
                .isInstanceOf(SQLTransientConnectionException.class).hasMessageContaining("unavailable");
        assertThat(client.operations()).containsExactly("ExecuteStatement");
    }

    @Test
    void aFailedStatementGoesToTheRecoveryWhichDecidesWhatItYields() throws SQLException {
        List<String> recovered = new ArrayList<>();
        StatementRecovery recovery = (statement, failure, resend) -> {
            recovered.add(statement.sql() + ": " + failure.getMessage());
            return statement.sql().startsWith("SELECT") ? resend.get() : new StatementResult(List.of(), List.of(), 7);
        };
        Connection recovering = dataSource.recovering(recovery).getConnection();
        client.thenFail(serviceError(DatabaseUnavailableException.builder(), "lost"))
                .thenAnswer(ExecuteStatementResponse.builder().numberOfRecordsUpdated(0L).build())
                .thenFail(serviceError(DatabaseUnavailableException.builder(), "lost again"));

        assertThat(recovering.createStatement().execute("SELECT 1")).isFalse();
        assertThat(recovering.createStatement().executeUpdate("DELETE FROM t")).isEqualTo(7);
        assertThat(recovered).hasSize(2).allMatch(line -> line.contains("unavailable"));
        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql)
                .containsExactly("SELECT 1", "SELECT 1", "DELETE FROM t");
    }

    @Test
    void sendsPreparedParametersByName() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("UPDATE t SET a = ?, b = ? WHERE c = ?");
        statement.setString(1, "x");
        statement.setNull(2, Types.VARCHAR);
        statement.setInt(3, 7);
        statement.executeUpdate();

        ExecuteStatementRequest request = client.statements().get(0);
        assertThat(request.sql()).isEqualTo("UPDATE t SET a = :p1, b = :p2 WHERE c = :p3");
        assertThat(request.parameters()).extracting(parameter -> parameter.name()).containsExactly("p1", "p2", "p3");
        assertThat(request.parameters().get(0).value().stringValue()).isEqualTo("x");
        assertThat(request.parameters().get(1).value().isNull()).isTrue();
        assertThat(request.parameters().get(2).value().longValue()).isEqualTo(7L);
    }

    @Test
    void refusesToRunAPreparedStatementWithAMissingParameter() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT ?, ?");
        statement.setInt(1, 1);

        assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
                .hasMessageContaining("parameter 2 has no value");
        assertThatThrownBy(() -> statement.setInt(3, 1)).isInstanceOf(SQLException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void readsRowsByIndexAndByLabelAndThenHasNoMoreResults() throws SQLException {
        client.thenAnswer(ExecuteStatementResponse.builder()
                .columnMetadata(column("version", Types.VARCHAR), column("checksum", Types.INTEGER))
                .records(List.of(List.of(Field.fromStringValue("1"), Field.fromIsNull(true))))
                .build());
        Statement statement = connection.createStatement();

        assertThat(statement.execute("SELECT version, checksum FROM h")).isTrue();
        ResultSet rows = statement.getResultSet();
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("VERSION")).isEqualTo("1");
        assertThat(rows.getInt(2)).isZero();
        assertThat(rows.wasNull()).isTrue();
        assertThat(rows.getMetaData().getColumnLabel(2)).isEqualTo("checksum");
        assertThat(rows.next()).isFalse();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
        assertThat(statement.getMoreResults()).isFalse();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
        assertThat(rows.isClosed()).isTrue();
    }

    @Test
    void reportsTheRowsAnUpdateChanged() throws SQLException {
        client.thenAnswer(ExecuteStatementResponse.builder().numberOfRecordsUpdated(3L).build());
        Statement statement = connection.createStatement();

        assertThat(statement.execute("DELETE FROM t")).isFalse();
        assertThat(statement.getUpdateCount()).isEqualTo(3);
        assertThat(statement.getResultSet()).isNull();
    }

    @Test
    void namesTheServerAfterSelectVersion() throws SQLException {
        client.thenAnswer(ExecuteStatementResponse.builder()
                .columnMetadata(column("VERSION()", Types.VARCHAR))
                .records(List.of(List.of(Field.fromStringValue("10.11.19-MariaDB-0+deb12u1"))))
                .build());

        DatabaseMetaData metaData = connection.getMetaData();

        assertThat(metaData.getDatabaseProductName()).isEqualTo("MariaDB");
        assertThat(metaData.getDatabaseMajorVersion()).isEqualTo(10);
        assertThat(metaData.getDatabaseMinorVersion()).isEqualTo(11);
        assertThat(metaData.getURL()).isEqualTo("jdbc:aws-data-api://" + TARGET.resourceArn() + "/inventory");
        assertThat(metaData.supportsBatchUpdates()).isFalse();
        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql).containsExactly("SELECT VERSION()");
    }

    @Test
    void namesTheMethodsItDoesNotSupport() {
        assertThatThrownBy(() -> connection.prepareCall("CALL p()"))
                .isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessage("Connection.prepareCall is not supported by the Data API JDBC driver");
        assertThatThrownBy(() -> connection.createStatement().addBatch("SELECT 1"))
                .isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Statement.addBatch");
        assertThatThrownBy(() -> dataSource.getConnection("user", "password"))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("secret");
    }

    @Test
    void aClosedConnectionRefusesWork() throws SQLException {
        connection.close();

        assertThatThrownBy(connection::createStatement).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(connection.isValid(1)).isFalse();
        assertThat(client.requests).isEmpty();
    }

    private static ColumnMetadata column(String label, int type) {
        return ColumnMetadata.builder().name(label).label(label).type(type).typeName("X").build();
    }
}
