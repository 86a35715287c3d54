package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.param;
import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rdsdata.model.DecimalReturnType;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.LongReturnType;
import software.amazon.awssdk.services.rdsdata.model.RecordsFormatType;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;
import software.amazon.awssdk.services.rdsdata.model.UnsupportedResultException;

/**
 * Every MySQL type of the value mapping, both ways: written through parameters (with the type hints the model
 * defines), read back as records, as formatted JSON, and under both result set options.
 */
class ValueMappingIT {

    private static final String COLUMNS = "c_bool, c_tinyint, c_smallint, c_int, c_bigint, c_bigint_unsigned, c_float, "
            + "c_double, c_decimal, c_date, c_time, c_datetime, c_datetime3, c_timestamp, c_year, c_json, c_enum, "
            + "c_set, c_char, c_varchar, c_text, c_blob, c_binary, c_varbinary";
    private static final String PLACEHOLDERS = ":" + COLUMNS.replace(", ", ", :");
    private static final byte[] BLOB = {0, 1, 2, (byte) 0xff};
    private static final String JSON_DOCUMENT = "{\"k\": [1, 2], \"s\": \"x\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmulatorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("values");
        fixture.database.execute("CREATE TABLE all_types (id INT PRIMARY KEY, c_bool TINYINT(1), c_tinyint TINYINT, "
                + "c_smallint SMALLINT, c_int INT, c_bigint BIGINT, c_bigint_unsigned BIGINT UNSIGNED, c_float FLOAT, "
                + "c_double DOUBLE, c_decimal DECIMAL(10,4), c_date DATE, c_time TIME, c_datetime DATETIME, "
                + "c_datetime3 DATETIME(3), c_timestamp TIMESTAMP NULL, c_year YEAR, c_json JSON, "
                + "c_enum ENUM('small','large'), c_set SET('a','b','c'), c_char CHAR(4), c_varchar VARCHAR(20), "
                + "c_text TEXT, c_blob BLOB, c_binary BINARY(4), c_varbinary VARBINARY(8))");
        fixture.execute("INSERT INTO all_types (id, " + COLUMNS + ") VALUES (1, " + PLACEHOLDERS + ")",
                param("c_bool", Field.fromBooleanValue(true)),
                param("c_tinyint", Field.fromLongValue(-7L)),
                param("c_smallint", Field.fromLongValue(30_000L)),
                param("c_int", Field.fromLongValue(2_000_000_000L)),
                param("c_bigint", Field.fromLongValue(-9_000_000_000_000_000_000L)),
                param("c_bigint_unsigned", "18446744073709551615", TypeHint.DECIMAL),
                param("c_float", Field.fromDoubleValue(1.5)),
                param("c_double", Field.fromDoubleValue(1234.5678)),
                param("c_decimal", "12.5", TypeHint.DECIMAL),
                param("c_date", "2024-02-29", TypeHint.DATE),
                param("c_time", "23:59:58", TypeHint.TIME),
                param("c_datetime", "2024-02-29 13:14:15", TypeHint.TIMESTAMP),
                param("c_datetime3", "2024-02-29 13:14:15.120", TypeHint.TIMESTAMP),
                param("c_timestamp", "2024-03-01 00:00:01", TypeHint.TIMESTAMP),
                param("c_year", Field.fromLongValue(2024L)),
                param("c_json", JSON_DOCUMENT, TypeHint.JSON),
                param("c_enum", Field.fromStringValue("large")),
                param("c_set", Field.fromStringValue("a,c")),
                param("c_char", Field.fromStringValue("ab")),
                param("c_varchar", Field.fromStringValue("héllo ✓")),
                param("c_text", Field.fromStringValue("a longer text")),
                param("c_blob", Field.fromBlobValue(SdkBytes.fromByteArray(BLOB))),
                param("c_binary", Field.fromBlobValue(SdkBytes.fromByteArray(new byte[] {1, 2}))),
                param("c_varbinary", Field.fromBlobValue(SdkBytes.fromByteArray(new byte[] {(byte) 0xca, (byte) 0xfe}))));
        List<SqlParameter> nulls = new ArrayList<>();
        for (String column : COLUMNS.split(", ")) {
            nulls.add(param(column, Field.fromIsNull(true)));
        }
        fixture.execute("INSERT INTO all_types (id, " + COLUMNS + ") VALUES (2, " + PLACEHOLDERS + ")",
                nulls.toArray(SqlParameter[]::new));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void everyTypeComesBackAsAuroraMySqlAnswersIt() {
        List<Field> row = fixture.execute("SELECT " + COLUMNS + " FROM all_types WHERE id = 1").records().get(0);

        assertThat(row.subList(0, 21)).containsExactly(
                Field.fromBooleanValue(true),
                Field.fromLongValue(-7L),
                Field.fromLongValue(30_000L),
                Field.fromLongValue(2_000_000_000L),
                Field.fromLongValue(-9_000_000_000_000_000_000L),
                Field.fromStringValue("18446744073709551615"),
                Field.fromDoubleValue(1.5),
                Field.fromDoubleValue(1234.5678),
                Field.fromStringValue("12.5000"),
                Field.fromStringValue("2024-02-29"),
                Field.fromStringValue("23:59:58"),
                Field.fromStringValue("2024-02-29 13:14:15"),
                Field.fromStringValue("2024-02-29 13:14:15.12"),
                Field.fromStringValue("2024-03-01 00:00:01"),
                Field.fromStringValue("2024"),
                row.get(15),
                Field.fromStringValue("large"),
                Field.fromStringValue("a,c"),
                Field.fromStringValue("ab"),
                Field.fromStringValue("héllo ✓"),
                Field.fromStringValue("a longer text"));
        assertThat(json(row.get(15).stringValue())).isEqualTo(json(JSON_DOCUMENT));
        assertThat(row.get(21).blobValue().asByteArray()).containsExactly(BLOB);
        assertThat(row.get(22).blobValue().asByteArray()).containsExactly(1, 2, 0, 0);
        assertThat(row.get(23).blobValue().asByteArray()).containsExactly(0xca, 0xfe);
    }

    @Test
    void nullComesBackAsIsNullInEveryType() {
        List<Field> row = fixture.execute("SELECT " + COLUMNS + " FROM all_types WHERE id = 2").records().get(0);

        assertThat(row).hasSize(24).allMatch(field -> field.equals(Field.fromIsNull(true)));
    }

    @Test
    void falseIsABooleanAndAnUnsignedBigintInTheLongRangeIsALong() {
        ExecuteStatementResponse response = fixture.execute(
                "SELECT c_bool, CAST(42 AS UNSIGNED) AS small_unsigned FROM all_types WHERE id = 1 AND c_bool = :yes",
                param("yes", Field.fromBooleanValue(true)));
        fixture.execute("UPDATE all_types SET c_bool = :no WHERE id = 2", param("no", Field.fromBooleanValue(false)));

        assertThat(response.records()).containsExactly(List.of(Field.fromBooleanValue(true), Field.fromLongValue(42L)));
        assertThat(fixture.execute("SELECT c_bool FROM all_types WHERE id = 2").records())
                .containsExactly(List.of(Field.fromBooleanValue(false)));
        fixture.database.execute("UPDATE all_types SET c_bool = NULL WHERE id = 2");
    }

    @Test
    void aDatetimeFractionShowsOnlyWhenItIsNotZero() {
        ExecuteStatementResponse response = fixture.execute("SELECT CAST(:whole AS DATETIME(3)), "
                        + "CAST(:fraction AS DATETIME(6)), CAST(:time AS TIME(3))",
                param("whole", "2024-01-02 03:04:05.000", TypeHint.TIMESTAMP),
                param("fraction", "2024-01-02 03:04:05.000250", TypeHint.TIMESTAMP),
                param("time", "10:11:12.5", TypeHint.TIME));

        assertThat(response.records()).containsExactly(List.of(
                Field.fromStringValue("2024-01-02 03:04:05"),
                Field.fromStringValue("2024-01-02 03:04:05.00025"),
                Field.fromStringValue("10:11:12.5")));
    }

    @Test
    void timestampsAreReadAndWrittenInUtcAsAuroraSessionsAre() {
        ExecuteStatementResponse response = fixture.execute("SELECT @@session.time_zone, "
                + "UNIX_TIMESTAMP(c_timestamp) FROM all_types WHERE id = 1");

        assertThat(response.records()).containsExactly(List.of(
                Field.fromStringValue("+00:00"), Field.fromLongValue(1_709_251_201L)));
    }

    @Test
    void longReturnTypeStringTurnsEveryIntegerIntoAString() {
        ExecuteStatementResponse response = fixture.client.executeStatement(
                statement("SELECT c_tinyint, c_int, c_bigint, c_bigint_unsigned, c_year, c_bool, c_decimal "
                        + "FROM all_types WHERE id = 1")
                        .resultSetOptions(options -> options.longReturnType(LongReturnType.STRING))
                        .build());

        assertThat(response.records()).containsExactly(List.of(
                Field.fromStringValue("-7"),
                Field.fromStringValue("2000000000"),
                Field.fromStringValue("-9000000000000000000"),
                Field.fromStringValue("18446744073709551615"),
                Field.fromStringValue("2024"),
                Field.fromBooleanValue(true),
                Field.fromStringValue("12.5000")));
    }

    @Test
    void decimalReturnTypeDoubleOrLongGivesADoubleWithAScaleAndALongWithout() {
        ExecuteStatementResponse asNumbers = fixture.client.executeStatement(
                statement("SELECT c_decimal, CAST(7 AS DECIMAL(5,0)), CAST(:big AS DECIMAL(30,0)) FROM all_types "
                        + "WHERE id = 1", param("big", "123456789012345678901234567890", TypeHint.DECIMAL))
                        .resultSetOptions(options -> options.decimalReturnType(DecimalReturnType.DOUBLE_OR_LONG))
                        .build());
        ExecuteStatementResponse asStrings = fixture.client.executeStatement(
                statement("SELECT c_decimal FROM all_types WHERE id = 1")
                        .resultSetOptions(options -> options.decimalReturnType(DecimalReturnType.STRING))
                        .build());

        assertThat(asNumbers.records()).containsExactly(List.of(
                Field.fromDoubleValue(12.5), Field.fromLongValue(7L), Field.fromDoubleValue(1.2345678901234568e29)));
        assertThat(asStrings.records()).containsExactly(List.of(Field.fromStringValue("12.5000")));
    }

    @Test
    void formatRecordsAsJsonAnswersOneJsonStringKeyedByLabelAndNoRecords() throws Exception {
        ExecuteStatementResponse response = fixture.client.executeStatement(
                statement("SELECT id AS `row`, " + COLUMNS + " FROM all_types ORDER BY id")
                        .formatRecordsAs(RecordsFormatType.JSON)
                        .includeResultMetadata(true)
                        .build());

        assertThat(response.hasRecords()).isFalse();
        assertThat(response.hasColumnMetadata()).isFalse();
        assertThat(response.numberOfRecordsUpdated()).isZero();
        JsonNode rows = JSON.readTree(response.formattedRecords());
        assertThat(rows).hasSize(2);
        JsonNode values = rows.get(0);
        assertThat(fieldNames(values)).containsExactly(("row, " + COLUMNS).split(", "));
        assertThat(values.get("row").isIntegralNumber()).isTrue();
        assertThat(values.get("c_bool").isBoolean()).isTrue();
        assertThat(values.get("c_bool").booleanValue()).isTrue();
        assertThat(values.get("c_tinyint").isIntegralNumber()).isTrue();
        assertThat(values.get("c_tinyint").longValue()).isEqualTo(-7);
        assertThat(values.get("c_bigint").longValue()).isEqualTo(-9_000_000_000_000_000_000L);
        assertThat(values.get("c_bigint_unsigned").isTextual()).isTrue();
        assertThat(values.get("c_bigint_unsigned").textValue()).isEqualTo("18446744073709551615");
        assertThat(values.get("c_float").isFloatingPointNumber()).isTrue();
        assertThat(values.get("c_float").doubleValue()).isEqualTo(1.5);
        assertThat(values.get("c_double").doubleValue()).isEqualTo(1234.5678);
        assertThat(values.get("c_decimal").textValue()).isEqualTo("12.5000");
        assertThat(values.get("c_date").textValue()).isEqualTo("2024-02-29");
        assertThat(values.get("c_time").textValue()).isEqualTo("23:59:58");
        assertThat(values.get("c_datetime3").textValue()).isEqualTo("2024-02-29 13:14:15.12");
        assertThat(values.get("c_year").textValue()).isEqualTo("2024");
        assertThat(values.get("c_json").isTextual()).isTrue();
        assertThat(json(values.get("c_json").textValue())).isEqualTo(json(JSON_DOCUMENT));
        assertThat(values.get("c_varchar").textValue()).isEqualTo("héllo ✓");
        assertThat(values.get("c_blob").textValue()).isEqualTo(Base64.getEncoder().encodeToString(BLOB));
        assertThat(values.get("c_varbinary").textValue()).isEqualTo("yv4=");
        JsonNode nulls = rows.get(1);
        assertThat(fieldNames(nulls)).hasSize(25);
        assertThat(nulls.get("c_blob").isNull()).isTrue();
        assertThat(nulls.get("c_bool").isNull()).isTrue();
    }

    @Test
    void formatRecordsAsJsonFollowsTheResultSetOptions() throws Exception {
        ExecuteStatementResponse response = fixture.client.executeStatement(
                statement("SELECT c_int, c_decimal FROM all_types WHERE id = 1")
                        .formatRecordsAs(RecordsFormatType.JSON)
                        .resultSetOptions(options -> options.longReturnType(LongReturnType.STRING)
                                .decimalReturnType(DecimalReturnType.DOUBLE_OR_LONG))
                        .build());

        assertThat(JSON.readTree(response.formattedRecords()))
                .isEqualTo(JSON.readTree("[{\"c_int\": \"2000000000\", \"c_decimal\": 12.5}]"));
    }

    @Test
    void formatRecordsAsJsonIsIgnoredForStatementsOtherThanQueries() {
        ExecuteStatementResponse response = fixture.client.executeStatement(
                statement("UPDATE all_types SET c_text = c_text WHERE id = 1")
                        .formatRecordsAs(RecordsFormatType.JSON).build());

        assertThat(response.formattedRecords()).isNull();
        assertThat(response.numberOfRecordsUpdated()).isEqualTo(1);
        assertThat(response.generatedFields()).isEmpty();
    }

    @Test
    void formatRecordsAsJsonRefusesTwoColumnsWithTheSameLabel() {
        UnsupportedResultException error = catchThrowableOfType(UnsupportedResultException.class, () ->
                fixture.client.executeStatement(statement("SELECT 1 AS a, 2 AS a")
                        .formatRecordsAs(RecordsFormatType.JSON).build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).contains("'a'");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
