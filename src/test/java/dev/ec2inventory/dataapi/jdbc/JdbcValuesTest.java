package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.DataApiParameter.Hint;
import dev.ec2inventory.dataapi.ResultColumn;
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

class JdbcValuesTest {

    @Test
    void jdbcDateTimesAreSentAsTheTranslatorSendsJavaTime() throws Exception {
        DataApiParameter timestamp = JdbcValues.parameter("p1", Timestamp.valueOf("2024-05-06 07:08:09.123"));
        DataApiParameter date = JdbcValues.parameter("p2", Date.valueOf("2024-05-06"));
        DataApiParameter time = JdbcValues.parameter("p3", Time.valueOf("07:08:09"));

        assertThat(timestamp.value()).isEqualTo("2024-05-06 07:08:09.123");
        assertThat(timestamp.hint()).isEqualTo(Hint.TIMESTAMP);
        assertThat(date.value()).isEqualTo("2024-05-06");
        assertThat(date.hint()).isEqualTo(Hint.DATE);
        assertThat(time.value()).isEqualTo("07:08:09");
        assertThat(time.hint()).isEqualTo(Hint.TIME);
    }

    @Test
    void otherValuesMapAsInTheTranslator() throws Exception {
        assertThat(JdbcValues.parameter("p1", 42).value()).isEqualTo(42L);
        assertThat(JdbcValues.parameter("p1", true).value()).isEqualTo(true);
        assertThat(JdbcValues.parameter("p1", "text").value()).isEqualTo("text");
        assertThat(JdbcValues.parameter("p1", null).value()).isNull();
        assertThat(JdbcValues.parameter("p1", new BigDecimal("1.50")).hint()).isEqualTo(Hint.DECIMAL);
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
        assertThat(JdbcValues.read(7L, Integer.class)).isEqualTo(7);
        assertThat(JdbcValues.read(7L, String.class)).isEqualTo("7");
        assertThat(JdbcValues.read("12.50", BigDecimal.class)).isEqualByComparingTo("12.5");
        assertThat(JdbcValues.read(true, Boolean.class)).isTrue();
        assertThat(JdbcValues.read(1L, Boolean.class)).isTrue();
        assertThat(JdbcValues.read(null, Integer.class)).isNull();
        assertThat(JdbcValues.read(null, Timestamp.class)).isNull();
    }

    @Test
    void readsMySqlDateTimeTextAsJdbcDateTimes() throws Exception {
        assertThat(JdbcValues.read("2024-05-06 07:08:09.5", Timestamp.class))
                .isEqualTo(Timestamp.valueOf(LocalDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000)));
        assertThat(JdbcValues.read("2024-05-06", Date.class))
                .isEqualTo(Date.valueOf(LocalDate.of(2024, 5, 6)));
        assertThat(JdbcValues.read("07:08:09", Time.class))
                .isEqualTo(Time.valueOf(LocalTime.of(7, 8, 9)));
    }

    @Test
    void readsBlobsAsBytesAndAsUtf8Text() throws Exception {
        byte[] blob = "héllo".getBytes(StandardCharsets.UTF_8);

        assertThat(JdbcValues.read(blob, byte[].class)).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(JdbcValues.read(blob, String.class)).isEqualTo("héllo");
    }

    @Test
    void aFieldThatDoesNotConvertIsAnSqlException() {
        assertThatThrownBy(() -> JdbcValues.read("abc", Integer.class))
                .isInstanceOf(SQLDataException.class).hasMessageContaining("as Integer");
        assertThatThrownBy(() -> JdbcValues.read(1L << 40, Integer.class))
                .isInstanceOf(SQLDataException.class);
        assertThatThrownBy(() -> JdbcValues.read("not a date", Timestamp.class))
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
        ResultColumn timestamp = column(Types.TIMESTAMP, "TIMESTAMP");
        assertThat(JdbcValues.read("2024-05-06 07:08:09", JdbcValues.javaType(timestamp)))
                .isEqualTo(Timestamp.valueOf("2024-05-06 07:08:09"));
        assertThat(JdbcValues.read(3L, JdbcValues.javaType(column(Types.INTEGER, "INT")))).isEqualTo(3);
    }

    private static ResultColumn column(int type, String typeName) {
        return new ResultColumn("c", "c", type, typeName, null, null, null, null, null, null, null, null, null);
    }
}
