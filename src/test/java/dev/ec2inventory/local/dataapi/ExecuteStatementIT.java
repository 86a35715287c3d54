package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.param;
import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ec2inventory.testing.TestDatabase;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

class ExecuteStatementIT {

    private static EmulatorFixture fixture;
    private static TestDatabase otherDatabase;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("exec");
        otherDatabase = TestDatabase.empty("exec_other");
        fixture.database.execute("CREATE TABLE item (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE, "
                + "note TEXT)");
        fixture.database.execute("CREATE TABLE `" + otherDatabase.name() + "`.place (name VARCHAR(20))",
                "INSERT INTO `" + otherDatabase.name() + "`.place VALUES ('elsewhere')");
    }

    @AfterAll
    static void stop() {
        otherDatabase.close();
        fixture.close();
    }

    @BeforeEach
    void emptyTable() {
        fixture.database.execute("DELETE FROM item");
    }

    @Test
    void anInsertAnswersTheRowsChangedAndTheGeneratedKeyAndNoRecords() {
        ExecuteStatementResponse response = fixture.execute("INSERT INTO item (name) VALUES (:name)",
                param("name", Field.fromStringValue("first")));

        long id = fixture.database.queryLong("SELECT id FROM item WHERE name = 'first'");
        assertThat(response.numberOfRecordsUpdated()).isEqualTo(1);
        assertThat(response.generatedFields()).containsExactly(Field.fromLongValue(id));
        assertThat(response.hasRecords()).isFalse();
        assertThat(response.hasColumnMetadata()).isFalse();
    }

    @Test
    void aMultiRowInsertAnswersTheFirstGeneratedKeyAsLastInsertIdDoes() {
        ExecuteStatementResponse response = fixture.execute("INSERT INTO item (name) VALUES ('a'), ('b'), ('c')");

        assertThat(response.numberOfRecordsUpdated()).isEqualTo(3);
        assertThat(response.generatedFields())
                .containsExactly(Field.fromLongValue(fixture.database.queryLong("SELECT MIN(id) FROM item")));
    }

    @Test
    void anUpdateAnswersTheRowsItChangedAndNoGeneratedKey() {
        fixture.database.execute("INSERT INTO item (name) VALUES ('a'), ('b'), ('c')");

        ExecuteStatementResponse response = fixture.execute("UPDATE item SET note = :note WHERE name <> 'a'",
                param("note", Field.fromStringValue("changed")));

        assertThat(response.numberOfRecordsUpdated()).isEqualTo(2);
        assertThat(response.generatedFields()).isEmpty();
    }

    @Test
    void aQueryAnswersRecordsAndNoMetadataUnlessAsked() {
        fixture.database.execute("INSERT INTO item (name, note) VALUES ('a', NULL), ('b', 'bee')");

        ExecuteStatementResponse response = fixture.execute("SELECT name, note FROM item ORDER BY name");

        assertThat(response.records()).containsExactly(
                List.of(Field.fromStringValue("a"), Field.fromIsNull(true)),
                List.of(Field.fromStringValue("b"), Field.fromStringValue("bee")));
        assertThat(response.numberOfRecordsUpdated()).isZero();
        assertThat(response.hasColumnMetadata()).isFalse();
        assertThat(response.hasGeneratedFields()).isFalse();
    }

    @Test
    void includeResultMetadataDescribesEveryColumnWithEveryMemberOfColumnMetadata() {
        fixture.database.execute("INSERT INTO item (name) VALUES ('a')");

        ExecuteStatementResponse response = fixture.client.executeStatement(
                statement("SELECT id, name AS label_of_name, note FROM item").includeResultMetadata(true).build());

        assertThat(response.columnMetadata()).hasSize(3);
        ColumnMetadata id = response.columnMetadata().get(0);
        assertThat(id.name()).isEqualTo("id");
        assertThat(id.label()).isEqualTo("id");
        assertThat(id.type()).isEqualTo(Types.BIGINT);
        assertThat(id.typeName()).isEqualTo("BIGINT");
        assertThat(id.tableName()).isEqualTo("item");
        assertThat(id.schemaName()).isEmpty();
        assertThat(id.isAutoIncrement()).isTrue();
        assertThat(id.isSigned()).isTrue();
        assertThat(id.isCurrency()).isFalse();
        assertThat(id.nullable()).isZero();
        assertThat(id.precision()).isEqualTo(19);
        assertThat(id.scale()).isZero();
        assertThat(id.arrayBaseColumnType()).isZero();
        ColumnMetadata name = response.columnMetadata().get(1);
        assertThat(name.name()).isEqualTo("name");
        assertThat(name.label()).isEqualTo("label_of_name");
        assertThat(name.type()).isEqualTo(Types.VARCHAR);
        assertThat(name.typeName()).isEqualTo("VARCHAR");
        assertThat(name.precision()).isEqualTo(50);
        assertThat(name.isAutoIncrement()).isFalse();
        ColumnMetadata note = response.columnMetadata().get(2);
        assertThat(note.nullable()).isEqualTo(1);
    }

    @Test
    void databaseChoosesWhereTheStatementRunsAndTheClustersDefaultOtherwise() {
        ExecuteStatementResponse elsewhere = fixture.client.executeStatement(
                statement("SELECT name FROM place").database(otherDatabase.name()).build());
        ExecuteStatementResponse here = fixture.execute("SELECT DATABASE()");

        assertThat(elsewhere.records()).containsExactly(List.of(Field.fromStringValue("elsewhere")));
        assertThat(here.records()).containsExactly(List.of(Field.fromStringValue(fixture.database.name())));
    }

    @Test
    void anUnknownDatabaseIsADatabaseError() {
        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.client.executeStatement(statement("SELECT 1").database("it_no_such_database").build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Database error code: 1049. Message: Unknown database 'it_no_such_database' (SQLState: 42000)");
    }

    @Test
    void aPlaceholderInsideALiteralOrCommentIsLeftAloneAndARepeatedOneIsBoundEachTime() {
        ExecuteStatementResponse response = fixture.execute(
                "SELECT ':name' AS literal, :name AS bound, /* :name */ CONCAT(:name, `x`) AS twice "
                        + "FROM (SELECT '-' AS `x`) AS t",
                param("name", Field.fromStringValue("v")));

        assertThat(response.records()).containsExactly(
                List.of(Field.fromStringValue(":name"), Field.fromStringValue("v"), Field.fromStringValue("v-")));
    }

    @Test
    void oneTrailingSemicolonIsAccepted() {
        ExecuteStatementResponse response = fixture.execute("SELECT 1; -- done");

        assertThat(response.records()).containsExactly(List.of(Field.fromLongValue(1L)));
    }

    @Test
    void multiStatementSqlIsRefusedBeforeAnythingRuns() {
        RdsDataException error = catchThrowableOfType(RdsDataException.class, () ->
                fixture.execute("INSERT INTO item (name) VALUES ('x'); DELETE FROM item"));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Multistatements aren't supported.");
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isZero();
    }

    @Test
    void aPlaceholderWithoutAParameterIsADatabaseErrorNamingIt() {
        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.execute("SELECT :given, :forgotten", param("given", Field.fromLongValue(1L))));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).contains(":forgotten").doesNotContain(":given");
    }

    @Test
    void aParameterWithoutAValueIsADatabaseErrorNamingIt() {
        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.execute("SELECT :empty", software.amazon.awssdk.services.rdsdata.model.SqlParameter.builder()
                        .name("empty").build()));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The parameter :empty has no value");
    }

    @Test
    void aStringThatDoesNotFitItsTypeHintIsADatabaseErrorNamingIt() {
        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.execute("SELECT :day", param("day", "29/02/2024", TypeHint.DATE)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("The value of parameter :day is not a valid DATE: '29/02/2024' (expected YYYY-MM-DD)");
    }

    @Test
    void arrayParametersAreRefused() {
        RdsDataException error = catchThrowableOfType(RdsDataException.class, () ->
                fixture.execute("SELECT :ids", param("ids", Field.fromArrayValue(array -> array.longValues(1L, 2L)))));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Array parameters are not supported.");
    }

    @Test
    void theSchemaMemberIsRefusedAsOnServerlessV2() {
        RdsDataException error = catchThrowableOfType(RdsDataException.class, () ->
                fixture.client.executeStatement(statement("SELECT 1").schema("public").build()));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The schema parameter isn't supported");
    }

    @Test
    void aDuplicateKeyIsADatabaseErrorCarryingMySqlsErrorNumberAndSqlState() {
        fixture.database.execute("INSERT INTO item (name) VALUES ('taken')");

        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.execute("INSERT INTO item (name) VALUES (:name)", param("name", Field.fromStringValue("taken"))));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage())
                .matches("Database error code: 1062\\. Message: Duplicate entry 'taken' for key '[a-z_.]+' "
                        + "\\(SQLState: 23000\\)");
    }

    @Test
    void aSyntaxErrorIsADatabaseError() {
        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.execute("SELEC 1"));

        assertThat(error.awsErrorDetails().errorMessage())
                .startsWith("Database error code: 1064. Message: You have an error in your SQL syntax")
                .endsWith("(SQLState: 42000)");
    }
}
