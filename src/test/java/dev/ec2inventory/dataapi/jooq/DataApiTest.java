package dev.ec2inventory.dataapi.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.deleteFrom;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.table;

import static dev.ec2inventory.inventory.schema.Tables.EC2;

import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiLimits;
import dev.ec2inventory.dataapi.DataApiSqlException;
import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.DataApiUnavailableException;
import dev.ec2inventory.dataapi.RetryBudget;
import dev.ec2inventory.dataapi.ScriptedRdsDataClient;
import dev.ec2inventory.inventory.schema.tables.records.Ec2Record;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.ForbiddenException;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionResponse;

class DataApiTest {

    private static final DataApiTarget TARGET = new DataApiTarget("arn:cluster", "arn:secret", "inventory");
    private static final Table<Record> ITEM = table(name("item"));
    private static final Field<String> NAME = field(name("item", "name"), SQLDataType.VARCHAR(100));
    private static final Field<LocalDateTime> CREATED = field(name("item", "created"), SQLDataType.LOCALDATETIME);

    /** Three attempts, with waits of a millisecond or two. */
    private static final RetryBudget QUICK = new RetryBudget(3, Duration.ofMillis(1), Duration.ofMillis(2));

    private final ScriptedRdsDataClient client = new ScriptedRdsDataClient();
    private final JooqDataApi dataApi = new JooqDataApi(new DataApiClient(client), TARGET);

    @Test
    void fetchReturnsRecordsOfTheQuerysOwnTypes() {
        client.thenAnswer(ExecuteStatementResponse.builder()
                .columnMetadata(column("name"), column("created"))
                .records(List.of(List.of(text("a"), text("2019-03-06 02:45:32"))))
                .build());

        Result<Record2<String, LocalDateTime>> rows = dataApi.fetch(select(NAME, CREATED).from(ITEM));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).value1()).isEqualTo("a");
        assertThat(rows.get(0).value2()).isEqualTo(LocalDateTime.of(2019, 3, 6, 2, 45, 32));
        assertThat(client.statements().get(0).includeResultMetadata()).isTrue();
        assertThat(client.statements().get(0).transactionId()).isNull();
        assertThat(client.statements().get(0).resourceArn()).isEqualTo("arn:cluster");
    }

    @Test
    void aColumnCountThatDoesNotMatchTheQueryIsAnError() {
        client.thenAnswer(ExecuteStatementResponse.builder().columnMetadata(column("name")).records(List.of()).build());

        assertThatThrownBy(() -> dataApi.fetch(select(NAME, CREATED).from(ITEM)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 columns");
    }

    @Test
    void executeReturnsTheUpdateCount() {
        client.thenAnswer(ExecuteStatementResponse.builder().numberOfRecordsUpdated(3L).build());

        assertThat(dataApi.execute(insertInto(ITEM, NAME).values("a"))).isEqualTo(3);
        assertThat(client.statements().get(0).sql()).isEqualTo("insert into `item` (`name`) values (:p1)");
        assertThat(client.statements().get(0).includeResultMetadata()).isFalse();
    }

    @Test
    void lockConflictsBeyondTheBudgetMeanTheDatabaseIsUnavailable() {
        ScriptedRdsDataClient scripted = new ScriptedRdsDataClient();
        for (int attempt = 0; attempt < QUICK.maxAttempts(); attempt++) {
            scripted.thenAnswer(BeginTransactionResponse.builder().transactionId("tx-" + attempt).build())
                    .thenFail(lockConflict(attempt % 2 == 0
                            ? DataApiSqlException.DEADLOCK : DataApiSqlException.LOCK_WAIT_TIMEOUT))
                    .thenAnswer(RollbackTransactionResponse.builder().build());
        }
        JooqDataApi api = new JooqDataApi(new DataApiClient(scripted), TARGET, QUICK);

        assertThatThrownBy(() -> api.transaction(tx -> tx.execute(insertInto(ITEM, NAME).values("a"))))
                .isInstanceOf(DataApiUnavailableException.class)
                .hasMessageContaining("after " + QUICK.maxAttempts() + " attempts")
                .cause().isInstanceOfSatisfying(DataApiSqlException.class,
                        conflict -> assertThat(conflict.isLockConflict()).isTrue());
        assertThat(scripted.operations()).filteredOn("BeginTransaction"::equals).hasSize(QUICK.maxAttempts());
        assertThat(scripted.operations()).filteredOn("CommitTransaction"::equals).isEmpty();
    }

    @Test
    void aStatementOnItsOwnThatLosesLockConflictsRunsAgain() {
        ScriptedRdsDataClient scripted = new ScriptedRdsDataClient()
                .thenFail(lockConflict(DataApiSqlException.DEADLOCK))
                .thenFail(lockConflict(DataApiSqlException.LOCK_WAIT_TIMEOUT))
                .thenAnswer(ExecuteStatementResponse.builder().numberOfRecordsUpdated(1L).build());
        JooqDataApi api = new JooqDataApi(new DataApiClient(scripted), TARGET, QUICK);

        assertThat(api.execute(deleteFrom(ITEM).where(NAME.eq("a")))).isEqualTo(1);
        assertThat(scripted.operations()).containsExactly("ExecuteStatement", "ExecuteStatement", "ExecuteStatement");
        assertThat(scripted.statements()).allSatisfy(request -> assertThat(request.transactionId()).isNull());
    }

    @Test
    void aStatementOnItsOwnThatKeepsLosingMeansTheDatabaseIsUnavailable() {
        ScriptedRdsDataClient scripted = new ScriptedRdsDataClient();
        for (int attempt = 0; attempt < QUICK.maxAttempts(); attempt++) {
            scripted.thenFail(lockConflict(DataApiSqlException.DEADLOCK));
        }
        JooqDataApi api = new JooqDataApi(new DataApiClient(scripted), TARGET, QUICK);

        assertThatThrownBy(() -> api.fetch(select(NAME).from(ITEM)))
                .isInstanceOf(DataApiUnavailableException.class)
                .hasMessage("statement: still losing lock conflicts after " + QUICK.maxAttempts() + " attempts");
        assertThat(scripted.operations()).hasSize(QUICK.maxAttempts());
    }

    @Test
    void aFailingCommitRollsBackToo() {
        ScriptedRdsDataClient scripted = new ScriptedRdsDataClient()
                .thenAnswer(BeginTransactionResponse.builder()
                        .transactionId("tx-9").build())
                .thenAnswer(ExecuteStatementResponse.builder().numberOfRecordsUpdated(1L).build())
                .thenFail(ScriptedRdsDataClient.serviceError(ForbiddenException.builder(), "no"));
        JooqDataApi api = new JooqDataApi(new DataApiClient(scripted), TARGET);

        assertThatThrownBy(() -> api.transaction(tx -> tx.execute(insertInto(ITEM, NAME).values("a"))))
                .isInstanceOf(DataApiException.class)
                .hasMessageContaining("CommitTransaction");
        assertThat(scripted.operations()).containsExactly(
                "BeginTransaction", "ExecuteStatement", "CommitTransaction", "RollbackTransaction");
    }

    @Test
    void bulkStatementsInsideATransactionCarryItsId() {
        List<String> names = IntStream.range(0, 10).mapToObj(i -> "name-" + i).toList();

        new JooqDataApi(new DataApiClient(client), TARGET, new DataApiLimits(60, Integer.MAX_VALUE),
                RetryBudget.DEFAULT).transaction(tx ->
                tx.executeBulk(names, chunk -> insertInto(ITEM, NAME).valuesOfRows(rows(chunk))));

        assertThat(client.statements()).hasSizeGreaterThan(1)
                .allSatisfy(request -> assertThat(request.transactionId()).isEqualTo(ScriptedRdsDataClient.TRANSACTION_ID));
    }

    @Test
    void selectFromATableFetchesThatTablesRecords() {
        client.thenAnswer(ExecuteStatementResponse.builder()
                .records(List.of(List.of(text("i-1"), text("us-east-1"), text("123456789012"),
                        text("2019-03-06 02:45:32"))))
                .build());

        Result<Ec2Record> rows = dataApi.fetch(selectFrom(EC2));

        assertThat(rows).singleElement().isInstanceOf(Ec2Record.class).satisfies(row -> {
            assertThat(row.getAwsInstanceId()).isEqualTo("i-1");
            assertThat(row.getCreationDateUtc()).isEqualTo(LocalDateTime.of(2019, 3, 6, 2, 45, 32));
            assertThat(row.changed()).isFalse();
        });
    }

    @Test
    void jsonColumnsReadAsJooqJsonFromText() {
        Field<JSON> document = field(name("item", "doc"), SQLDataType.JSON);
        client.thenAnswer(ExecuteStatementResponse.builder()
                .columnMetadata(column("doc"))
                .records(List.of(List.of(text("{\"a\": 1}")), List.of(text("[1]"))))
                .build());

        Result<Record1<JSON>> rows = dataApi.fetch(select(document).from(ITEM));

        assertThat(rows.getValues(document)).containsExactly(JSON.valueOf("{\"a\": 1}"), JSON.valueOf("[1]"));
    }

    private static List<org.jooq.Row1<String>> rows(List<String> names) {
        return names.stream().map(org.jooq.impl.DSL::row).toList();
    }

    private static ColumnMetadata column(String name) {
        return ColumnMetadata.builder().name(name).build();
    }

    private static software.amazon.awssdk.services.rdsdata.model.Field text(String value) {
        return software.amazon.awssdk.services.rdsdata.model.Field.builder().stringValue(value).build();
    }

    private static RuntimeException lockConflict(int errorCode) {
        String message = errorCode == DataApiSqlException.DEADLOCK
                ? "Deadlock found when trying to get lock; try restarting transaction"
                : "Lock wait timeout exceeded; try restarting transaction";
        return ScriptedRdsDataClient.serviceError(DatabaseErrorException.builder(),
                "Database error code: " + errorCode + ". Message: " + message);
    }
}
