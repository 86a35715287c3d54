package dev.ec2inventory.dataapi.jdbc;

import static dev.ec2inventory.dataapi.ScriptedRdsDataClient.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.ScriptedRdsDataClient;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;

/** The calls a connection makes, against a scripted client; behaviour on a real database is in DataApiDriverIT. */
class DataApiConnectionTest {

    private static final DataApiUrl URL = DataApiUrl.parse("jdbc:aws-data-api://"
            + "arn:aws:rds:us-east-1:123456789012:cluster:c?secretArn=arn:aws:secretsmanager:us-east-1:123456789012:"
            + "secret:s&database=inventory");

    private final ScriptedRdsDataClient client = new ScriptedRdsDataClient();
    private final Connection connection = new DataApiDataSource(URL, new DataApiClient(client)).getConnection();

    @Test
    void opensNothingUntilTheFirstStatementAndEndsNothingItDidNotOpen() throws SQLException {
        connection.getAutoCommit();
        connection.getCatalog();
        connection.close();

        assertThat(client.requests).isEmpty();
        assertThat(connection.isClosed()).isTrue();
    }

    @Test
    void runsEveryStatementInOneTransactionWithAutocommitOnAndCommitsItOnClose() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT)");
            statement.execute("INSERT INTO t VALUES (1)");
        }
        connection.close();

        assertThat(client.operations()).containsExactly("BeginTransaction", "ExecuteStatement", "ExecuteStatement",
                "ExecuteStatement", "CommitTransaction");
        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql)
                .containsExactly("SET autocommit = 1", "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)");
        assertThat(client.statements()).allSatisfy(request -> {
            assertThat(request.transactionId()).isEqualTo(ScriptedRdsDataClient.TRANSACTION_ID);
            assertThat(request.database()).isEqualTo("inventory");
            assertThat(request.includeResultMetadata()).isTrue();
            assertThat(request.continueAfterTimeout()).isTrue();
        });
        assertThat(((BeginTransactionRequest) client.requests.get(0)).database()).isEqualTo("inventory");
    }

    @Test
    void expressesJdbcTransactionsAsSqlInsideTheDataApiTransaction() throws SQLException {
        Statement statement = connection.createStatement();
        statement.execute("SELECT GET_LOCK('x', 10)");
        connection.setAutoCommit(false);
        statement.execute("INSERT INTO t VALUES (1)");
        connection.commit();
        statement.execute("INSERT INTO t VALUES (2)");
        connection.rollback();
        connection.setAutoCommit(true);
        connection.close();

        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql).containsExactly(
                "SET autocommit = 1", "SELECT GET_LOCK('x', 10)", "SET autocommit = 0", "INSERT INTO t VALUES (1)",
                "COMMIT", "INSERT INTO t VALUES (2)", "ROLLBACK", "SET autocommit = 1");
        assertThat(client.operations()).filteredOn(operation -> operation.endsWith("Transaction"))
                .containsExactly("BeginTransaction", "CommitTransaction");
    }

    @Test
    void aConnectionInManualCommitModeDropsUncommittedWorkOnClose() throws SQLException {
        connection.setAutoCommit(false);
        connection.createStatement().execute("INSERT INTO t VALUES (1)");
        connection.close();

        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql)
                .containsExactly("INSERT INTO t VALUES (1)");
        assertThat(client.operations()).containsExactly("BeginTransaction", "ExecuteStatement",
                "RollbackTransaction");
    }

    @Test
    void givesUpASessionWhoseAutocommitCouldNotBeSetAndBeginsAnewNextTime() throws SQLException {
        client.thenAnswer(BeginTransactionResponse.builder().transactionId("first").build())
                .thenFail(serviceError(DatabaseUnavailableException.builder(), "connection lost"));

        assertThatThrownBy(() -> connection.createStatement().execute("SELECT 1"))
                .isInstanceOf(SQLTransientConnectionException.class);
        connection.createStatement().execute("SELECT 1");

        assertThat(client.operations()).containsExactly("BeginTransaction", "ExecuteStatement",
                "RollbackTransaction", "BeginTransaction", "ExecuteStatement", "ExecuteStatement");
        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql)
                .containsExactly("SET autocommit = 1", "SET autocommit = 1", "SELECT 1");
    }

    @Test
    void refusesCommitAndRollbackInAutoCommitMode() {
        assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("auto-commit");
        assertThatThrownBy(connection::rollback).isInstanceOf(SQLException.class).hasMessageContaining("auto-commit");
    }

    @Test
    void switchesDatabasesWithUseOnlyWhenTheDatabaseChanges() throws SQLException {
        connection.setCatalog("first");
        connection.createStatement().execute("SELECT 1");
        connection.setCatalog("first");
        connection.setCatalog("sec`ond");
        connection.createStatement().execute("SELECT 2");

        assertThat(((BeginTransactionRequest) client.requests.get(0)).database()).isEqualTo("first");
        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql)
                .containsExactly("SET autocommit = 1", "SELECT 1", "USE `sec``ond`", "SELECT 2");
        assertThat(client.statements().get(3).database()).isEqualTo("sec`ond");
        assertThat(connection.getCatalog()).isEqualTo("sec`ond");
    }

    @Test
    void aBlankCatalogIsAnSqlExceptionAndChangesNothing() throws SQLException {
        assertThatThrownBy(() -> connection.setCatalog(" ")).isInstanceOf(SQLException.class)
                .hasMessageContaining("database name");

        assertThat(connection.getCatalog()).isEqualTo("inventory");
        assertThat(client.requests).isEmpty();
    }

    @Test
    void sendsPreparedParametersByName() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("UPDATE t SET a = ?, b = ? WHERE c = ?");
        statement.setString(1, "x");
        statement.setNull(2, Types.VARCHAR);
        statement.setInt(3, 7);
        statement.executeUpdate();

        ExecuteStatementRequest request = client.statements().get(1);
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
        answerTheFirstStatementWith(ExecuteStatementResponse.builder()
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
        answerTheFirstStatementWith(ExecuteStatementResponse.builder().numberOfRecordsUpdated(3L).build());
        Statement statement = connection.createStatement();

        assertThat(statement.execute("DELETE FROM t")).isFalse();
        assertThat(statement.getUpdateCount()).isEqualTo(3);
        assertThat(statement.getResultSet()).isNull();
    }

    @Test
    void namesTheServerAfterSelectVersion() throws SQLException {
        answerTheFirstStatementWith(ExecuteStatementResponse.builder()
                .columnMetadata(column("VERSION()", Types.VARCHAR))
                .records(List.of(List.of(Field.fromStringValue("10.11.19-MariaDB-0+deb12u1"))))
                .build());

        DatabaseMetaData metaData = connection.getMetaData();

        assertThat(metaData.getDatabaseProductName()).isEqualTo("MariaDB");
        assertThat(metaData.getDatabaseMajorVersion()).isEqualTo(10);
        assertThat(metaData.getDatabaseMinorVersion()).isEqualTo(11);
        assertThat(metaData.getURL()).isEqualTo(URL.toString());
        assertThat(metaData.supportsBatchUpdates()).isFalse();
        assertThat(client.statements()).extracting(ExecuteStatementRequest::sql)
                .containsExactly("SET autocommit = 1", "SELECT VERSION()");
    }

    @Test
    void aLostTransactionKillsTheConnectionWithoutFurtherCalls() throws SQLException {
        connection.createStatement().execute("SELECT 1");
        client.thenFail(serviceError(TransactionNotFoundException.builder(), "Transaction tx-1 isn't found."));

        assertThatThrownBy(() -> connection.createStatement().execute("SELECT 2"))
                .isInstanceOf(SQLNonTransientConnectionException.class);
        int callsSoFar = client.requests.size();
        assertThatThrownBy(() -> connection.createStatement().execute("SELECT 3"))
                .isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(connection.isValid(1)).isFalse();
        connection.close();
        assertThat(client.requests).hasSize(callsSoFar);
    }

    @Test
    void namesTheMethodsItDoesNotSupport() {
        assertThatThrownBy(() -> connection.prepareCall("CALL p()"))
                .isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessage("Connection.prepareCall is not supported by the Data API JDBC driver");
        assertThatThrownBy(() -> connection.createStatement().addBatch("SELECT 1"))
                .isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Statement.addBatch");
    }

    @Test
    void aClosedConnectionRefusesWork() throws SQLException {
        connection.close();

        assertThatThrownBy(connection::createStatement).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(connection.isValid(1)).isFalse();
    }

    /** BeginTransaction and {@code SET autocommit = 1} get the client's default answers; the statement gets this. */
    private void answerTheFirstStatementWith(ExecuteStatementResponse response) {
        client.thenAnswer(BeginTransactionResponse.builder().transactionId(ScriptedRdsDataClient.TRANSACTION_ID).build())
                .thenAnswer(ExecuteStatementResponse.builder().numberOfRecordsUpdated(0L).build())
                .thenAnswer(response);
    }

    private static ColumnMetadata column(String label, int type) {
        return ColumnMetadata.builder().name(label).label(label).type(type).typeName("X").build();
    }
}
