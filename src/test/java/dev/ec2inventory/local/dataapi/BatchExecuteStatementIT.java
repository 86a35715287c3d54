package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;
import software.amazon.awssdk.services.rdsdata.model.UpdateResult;

class BatchExecuteStatementIT {

    private static EmulatorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("batch");
        fixture.database.execute("CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE, "
                + "seen DATE, price DECIMAL(8,2))");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void emptyTable() {
        fixture.database.execute("DELETE FROM item");
    }

    @Test
    void everyParameterSetRunsAndItsUpdateResultCarriesItsGeneratedKey() {
        BatchExecuteStatementResponse response = fixture.client.batchExecuteStatement(
                batch("INSERT INTO item (name, seen, price) VALUES (:name, :seen, :price)")
                        .parameterSets(List.of(
                                List.of(param("name", Field.fromStringValue("a")), param("seen", "2024-01-01", TypeHint.DATE),
                                        param("price", "1.50", TypeHint.DECIMAL)),
                                List.of(param("name", Field.fromStringValue("b")), param("seen", Field.fromIsNull(true)),
                                        param("price", Field.fromIsNull(true))),
                                List.of(param("name", Field.fromStringValue("c")), param("seen", "2024-12-31", TypeHint.DATE),
                                        param("price", "3", TypeHint.DECIMAL))))
                        .build());

        List<Long> ids = List.of(idOf("a"), idOf("b"), idOf("c"));
        assertThat(response.updateResults()).extracting(UpdateResult::generatedFields).containsExactly(
                List.of(Field.fromLongValue(ids.get(0))),
                List.of(Field.fromLongValue(ids.get(1))),
                List.of(Field.fromLongValue(ids.get(2))));
        assertThat(fixture.execute("SELECT name, seen, price FROM item ORDER BY name").records()).containsExactly(
                List.of(Field.fromStringValue("a"), Field.fromStringValue("2024-01-01"), Field.fromStringValue("1.50")),
                List.of(Field.fromStringValue("b"), Field.fromIsNull(true), Field.fromIsNull(true)),
                List.of(Field.fromStringValue("c"), Field.fromStringValue("2024-12-31"), Field.fromStringValue("3.00")));
    }

    @Test
    void anUpdateBatchAnswersOneEmptyResultPerSet() {
        fixture.database.execute("INSERT INTO item (name) VALUES ('a'), ('b')");

        BatchExecuteStatementResponse response = fixture.client.batchExecuteStatement(
                batch("UPDATE item SET price = :price WHERE name = :name")
                        .parameterSets(List.of(
                                List.of(param("price", "9.99", TypeHint.DECIMAL), param("name", Field.fromStringValue("a"))),
                                List.of(param("price", "1", TypeHint.DECIMAL), param("name", Field.fromStringValue("zz")))))
                        .build());

        assertThat(response.updateResults()).extracting(UpdateResult::generatedFields)
                .containsExactly(List.of(), List.of());
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item WHERE price = 9.99")).isEqualTo(1);
    }

    @Test
    void aFailingParameterSetLeavesNothingOfTheBatch() {
        fixture.database.execute("INSERT INTO item (name) VALUES ('taken')");

        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.client.batchExecuteStatement(batch("INSERT INTO item (name) VALUES (:name)")
                        .parameterSets(names("new-1", "new-2", "taken", "new-3")).build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).startsWith("Database error code: 1062. Message: Duplicate entry 'taken'");
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(1);
    }

    @Test
    void aBatchOutsideATransactionLeavesItsConnectionInAutocommit() {
        catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.client.batchExecuteStatement(batch("INSERT INTO item (name) VALUES (:name)")
                        .parameterSets(names("dup", "dup")).build()));
        fixture.client.batchExecuteStatement(batch("INSERT INTO item (name) VALUES (:name)")
                .parameterSets(names("x")).build());

        assertThat(fixture.execute("SELECT @@autocommit").records()).containsExactly(List.of(Field.fromLongValue(1L)));
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(1);
    }

    @Test
    void noParameterSetsRunNothing() {
        BatchExecuteStatementResponse response = fixture.client.batchExecuteStatement(
                batch("INSERT INTO item (name) VALUES ('never')").build());

        assertThat(response.updateResults()).isEmpty();
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isZero();
    }

    @Test
    void anEmptyParameterSetRunsAStatementWithoutParameters() {
        BatchExecuteStatementResponse response = fixture.client.batchExecuteStatement(
                batch("INSERT INTO item (name) VALUES ('once')").parameterSets(List.of(List.of())).build());

        assertThat(response.updateResults()).hasSize(1);
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(1);
    }

    @Test
    void aParameterSetMissingAPlaceholderIsRefusedBeforeAnyRuns() {
        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.client.batchExecuteStatement(batch("INSERT INTO item (name) VALUES (:name)")
                        .parameterSets(List.of(List.of(param("name", Field.fromStringValue("fine"))), List.of()))
                        .build()));

        assertThat(error.awsErrorDetails().errorMessage()).contains(":name");
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isZero();
    }

    @Test
    void arrayParametersAreRefusedInBatchesToo() {
        RdsDataException error = catchThrowableOfType(RdsDataException.class, () ->
                fixture.client.batchExecuteStatement(batch("INSERT INTO item (name) VALUES (:name)")
                        .parameterSets(List.of(List.of(
                                param("name", Field.fromArrayValue(array -> array.stringValues("a"))))))
                        .build()));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Array parameters are not supported.");
    }

    private static long idOf(String name) {
        return fixture.database.queryLong("SELECT id FROM item WHERE name = '" + name + "'");
    }

    private static List<List<SqlParameter>> names(String... names) {
        return Arrays.stream(names).map(name -> List.of(param("name", Field.fromStringValue(name)))).toList();
    }

    private static BatchExecuteStatementRequest.Builder batch(String sql) {
        return BatchExecuteStatementRequest.builder()
                .resourceArn(LocalCluster.RESOURCE_ARN).secretArn(LocalCluster.SECRET_ARN).sql(sql);
    }
}
