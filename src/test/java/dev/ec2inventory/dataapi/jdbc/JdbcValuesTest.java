package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

class JdbcValuesTest {

    @Test
    void jdbcDateTimesAreSentAsTheTranslatorSendsJavaTime() throws Exception {
        SqlParameter timestamp = JdbcValues.parameter("p1", Timestamp.valueOf("2024-05-06 07:08:09.123"));
        SqlParameter date = JdbcValues.parameter("p2", Date.valueOf("2024-05-06"));
        SqlParameter time = JdbcValues.parameter("p3", Time.valueOf("07:08:09"));

        assertThat(timestamp.value().stringValue()).isEqualTo("2024-05-06 07:08:09.123");
        assertThat(timestamp.typeHint()).isEqualTo(TypeHint.TIMESTAMP);
        assertThat(date.value().stringValue()).isEqualTo("2024-05-06");
        assertThat(date.typeHint()).isEqualTo(TypeHint.DATE);
        assertThat(time.value().stringValue()).isEqualTo("07:08:09");
        assertThat(time.typeHint()).isEqualTo(TypeHint.TIME);
    }

    @Test
    void otherValuesMapAsInTheTranslator() throws Exception {
        assertThat(JdbcValues.parameter("p1", 42).value().longValue()).isEqualTo(42L);
        assertThat(JdbcValues.parameter("p1", true).value().booleanValue()).isTrue();
        assertThat(JdbcValues.parameter("p1", "text").value().stringValue()).isEqualTo("text");
        assertThat(JdbcValues.parameter("p1", null).value().isNull()).isTrue();
        assertThat(JdbcValues.parameter("p1", new BigDecimal("1.50")).typeHint()).isEqualTo(TypeHint.DECIMAL);
    }

    @Test
    void aValueWithoutAMappingIsAnSqlException() {
        assertThatThrownBy(() -> JdbcValues.parameter("p4", new Object()))
                .isInstanceOf(SQLDataException.class)
                .hasMessageContaining("parameter p4")
                .satisfies(e -> assertThat(((SQLDataException) e).getSQLState()).isEqualTo("22018"));
    }

    @Test
    void readsFieldsAsTheTypeAskedFor() throws Exception {
        assertThat(JdbcValues.read(Field.fromLongValue(7L), Integer.class)).isEqualTo(7);
        assertThat(JdbcValues.read(Field.fromLongValue(7L), String.class)).isEqualTo("7");
        assertThat(JdbcValues.read(Field.fromStringValue("12.50"), BigDecimal.class)).isEqualByComparingTo("12.5");
        assertThat(JdbcValues.read(Field.fromBooleanValue(true), Boolean.class)).isTrue();
        assertThat(JdbcValues.read(Field.fromLongValue(1L), Boolean.class)).isTrue();
        assertThat(JdbcValues.read(Field.fromIsNull(true), Integer.class)).isNull();
        assertThat(JdbcValues.read(Field.fromIsNull(true), Timestamp.class)).isNull();
    }

    @Test
    void readsMySqlDateTimeTextAsJdbcDateTimes() throws Exception {
        assertThat(JdbcValues.read(Field.fromStringValue("2024-05-06 07:08:09.5"), Timestamp.class))
                .isEqualTo(Timestamp.valueOf(LocalDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000)));
        assertThat(JdbcValues.read(Field.fromStringValue("2024-05-06"), Date.class))
                .isEqualTo(Date.valueOf(LocalDate.of(2024, 5, 6)));
        assertThat(JdbcValues.read(Field.fromStringValue("07:08:09"), Time.class))
                .isEqualTo(Time.valueOf(LocalTime.of(7, 8, 9)));
    }

    @Test
    void readsBlobsAsBytesAndAsUtf8Text() throws Exception {
        Field blob = Field.fromBlobValue(SdkBytes.fromString("héllo", StandardCharsets.UTF_8));

        assertThat(JdbcValues.read(blob, byte[].class)).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(JdbcValues.read(blob, String.class)).isEqualTo("héllo");
    }

    @Test
    void aFieldThatDoesNotConvertIsAnSqlException() {
        assertThatThrownBy(() -> JdbcValues.read(Field.fromStringValue("abc"), Integer.class))
                .isInstanceOf(SQLDataException.class).hasMessageContaining("as Integer");
        assertThatThrownBy(() -> JdbcValues.read(Field.fromLongValue(1L << 40), Integer.class))
                .isInstanceOf(SQLDataException.class);
        assertThatThrownBy(() -> JdbcValues.read(Field.fromStringValue("not a date"), Timestamp.class))
                .isInstanceOf(SQLDataException.class);
    }

    @Test
    void getObjectTypesFollowTheColumnsJdbcTypeAsMySqlDriversDo() {
        assertThat(JdbcValues.javaType(column(Types.INTEGER, "INT"))).isEqualTo(Integer.class);
        assertThat(JdbcValues.javaType(column(Types.INTEGER, "INT UNSIGNED"))).isEqualTo(Long.class);
        assertThat(JdbcValues.javaType(column(Types.BIGINT, "BIGINT"))).isEqualTo(Long.class);
        assertThat(JdbcValues.javaType(column(Types.BIGINT, "BIGINT UNSIGNED"))).isEqualTo(BigInteger.class);
        assertThat(JdbcValues.javaType(column(Types.DECIMAL, "DECIMAL"))).isEqualTo(BigDecimal.class);
        assertThat(JdbcValues.javaType(column(Types.BIT, "BIT"))).isEqualTo(Boolean.class);
        assertThat(JdbcValues.javaType(column(Types.TIMESTAMP, "DATETIME"))).isEqualTo(Timestamp.class);
        assertThat(JdbcValues.javaType(column(Types.DATE, "DATE"))).isEqualTo(Date.class);
        assertThat(JdbcValues.javaType(column(Types.VARBINARY, "VARBINARY"))).isEqualTo(byte[].class);
        assertThat(JdbcValues.javaType(column(Types.VARCHAR, "VARCHAR"))).isEqualTo(String.class);
        assertThat(JdbcValues.javaType(column(Types.OTHER, "JSON"))).isEqualTo(String.class);
    }

    @Test
    void getObjectReadsTheFieldAsTheColumnsType() throws Exception {
        assertThat(JdbcValues.object(Field.fromStringValue("2024-05-06 07:08:09"), column(Types.TIMESTAMP, "TIMESTAMP")))
                .isEqualTo(Timestamp.valueOf("2024-05-06 07:08:09"));
        assertThat(JdbcValues.object(Field.fromLongValue(3L), column(Types.INTEGER, "INT"))).isEqualTo(3);
    }

    private static ColumnMetadata column(int type, String typeName) {
        return ColumnMetadata.builder().name("c").label("c").type(type).typeName(typeName).build();
    }
}
