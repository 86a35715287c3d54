package dev.ec2inventory.dataapi;

import static dev.ec2inventory.dataapi.ScriptedRdsDataClient.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.DataApiParameter.Hint;
import dev.ec2inventory.dataapi.jdbc.DataApiDataSource;
import dev.ec2inventory.dataapi.jdbc.StatementRecovery;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rdsdata.model.AccessDeniedException;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.InternalServerErrorException;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/**
 * The one wrapper of the SDK client: requests it builds, results it returns, spans it opens, failures it names.
 */
class DataApiClientTest {

    private static final DataApiTarget TARGET = new DataApiTarget("arn:cluster", "arn:secret", "inventory");
    private static final SqlStatement SELECT = new SqlStatement("select :p1",
            List.of(new DataApiParameter("p1", "2019-03-06", Hint.DATE)));

    private final ScriptedRdsDataClient sdk = new ScriptedRdsDataClient();
    private final RecordingTracing tracing = new RecordingTracing();
    private final DataApiClient client = new DataApiClient(sdk, tracing);

    @Test
    void executeSendsTheStatementAsAskedAndReturnsTheCoresResult() {
        sdk.thenAnswer(ExecuteStatementResponse.builder()
                .columnMetadata(ColumnMetadata.builder().name("d").type(91).build())
                .records(List.of(List.of(Field.fromStringValue("2019-03-06")), List.of(Field.fromIsNull(true))))
                .build());

        StatementResult result = client.execute(TARGET, SELECT,
                ExecuteOptions.AUTO_COMMIT.inTransaction("tx-1").withColumns(true).continuingAfterTimeout());

        ExecuteStatementRequest request = sdk.statements().get(0);
        assertThat(request.resourceArn()).isEqualTo("arn:cluster");
        assertThat(request.database()).isEqualTo("inventory");
        assertThat(request.transactionId()).isEqualTo("tx-1");
        assertThat(request.includeResultMetadata()).isTrue();
        assertThat(request.continueAfterTimeout()).isTrue();
        assertThat(request.parameters()).singleElement().satisfies(parameter -> {
            assertThat(parameter.value().stringValue()).isEqualTo("2019-03-06");
            assertThat(parameter.typeHint()).isEqualTo(TypeHint.DATE);
        });
        assertThat(result.columns()).singleElement().satisfies(column -> {
            assertThat(column.name()).isEqualTo("d");
            assertThat(column.type()).isEqualTo(91);
        });
        assertThat(result.rows()).containsExactly(List.of("2019-03-06"), Collections.singletonList(null));
    }

    @Test
    void theTranslatorsRequestsAskForNothingTheyDoNotNeed() {
        StatementResult result = client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT);

        ExecuteStatementRequest request = sdk.statements().get(0);
        assertThat(request.transactionId()).isNull();
        assertThat(request.includeResultMetadata()).isFalse();
        assertThat(request.continueAfterTimeout()).isNull();
        assertThat(result.columns()).isEmpty();
        assertThat(result.updateCount()).isZero();
    }

    @Test
    void everyCallIsOneSpanNamedAfterItsOperationWithTheSqlOfStatementsOnly() {
        String transactionId = client.beginTransaction(TARGET);
        client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT.inTransaction(transactionId));
        client.commitTransaction(TARGET, transactionId);
        client.rollbackTransaction(TARGET, transactionId);

        assertThat(tracing.spans).containsExactly("BeginTransaction", "ExecuteStatement select :p1",
                "CommitTransaction", "RollbackTransaction");
    }

    @Test
    void eachSpanCountsTheRowsItsCallReturnedOrChanged() {
        sdk.thenAnswer(ExecuteStatementResponse.builder()
                        .records(List.of(List.of(Field.fromLongValue(1L)), List.of(Field.fromLongValue(2L)))).build())
                .thenAnswer(ExecuteStatementResponse.builder().numberOfRecordsUpdated(3L).build());

        client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT);
        client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT);
        client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT);
        client.beginTransaction(TARGET);

        assertThat(tracing.rows).containsExactly(2, 3, 0, 0);
    }

    @Test
    void failuresAreTheCoresExceptionsNamingTheOperation() {
        sdk.thenFail(serviceError(TransactionNotFoundException.builder(), "gone"))
                .thenFail(serviceError(StatementTimeoutException.builder(), "late"));

        assertThatThrownBy(() -> client.commitTransaction(TARGET, "tx-1"))
                .isInstanceOf(DataApiTransactionEndedException.class).hasMessageContaining("CommitTransaction");
        assertThatThrownBy(() -> client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT))
                .isInstanceOf(DataApiStatementTimeoutException.class).hasMessageContaining("late");
    }

    @Test
    void failuresWithNoAnswerFromTheDatabaseSaySoAndAccessDeniedIsNotOne() {
        sdk.thenFail(InternalServerErrorException.builder().message("oops").statusCode(500).build())
                .thenFail(SdkClientException.create("connection reset"))
                .thenFail(serviceError(AccessDeniedException.builder(), "denied"));

        assertThatThrownBy(() -> client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT))
                .isInstanceOf(DataApiNoAnswerException.class).hasMessageContaining("oops");
        assertThatThrownBy(() -> client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT))
                .isInstanceOf(DataApiNoAnswerException.class).hasMessageContaining("connection reset");
        assertThatThrownBy(() -> client.execute(TARGET, SELECT, ExecuteOptions.AUTO_COMMIT))
                .isExactlyInstanceOf(DataApiException.class).hasMessageContaining("denied");
    }

    @Test
    void theJdbcDriversCallsGoThroughTheSameWrapperAndAreTraced() throws SQLException {
        try (Connection connection = new DataApiDataSource(client, TARGET, StatementRecovery.NONE)
                .getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }

        assertThat(tracing.spans).containsExactly("ExecuteStatement SELECT 1");
    }

    /** Records each span as its operation, followed by its SQL when it has some. */
    @Test
    void aStatementHoldingASecretIsSentWhileItsTraceOmitsItsText() {
        client.executeHoldingSecret(TARGET, "ALTER USER 'app'@'%' IDENTIFIED BY 'hunter2hunter2hunter2'");

        assertThat(sdk.statements()).singleElement().satisfies(request -> {
            assertThat(request.sql()).contains("hunter2hunter2hunter2");
            assertThat(request.transactionId()).isNull();
        });
        assertThat(tracing.spans).containsExactly("ExecuteStatement");
    }

    private static final class RecordingTracing implements DataApiTracing {

        final List<String> spans = new ArrayList<>();
        final List<Integer> rows = new ArrayList<>();

        @Override
        public <T> T trace(String operation, String sql, Supplier<T> call, ToIntFunction<T> rowCount) {
            spans.add(sql == null ? operation : operation + " " + sql);
            T response = call.get();
            rows.add(rowCount.applyAsInt(response));
            return response;
        }
    }
}
