package dev.ec2inventory.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/** The mapping both ways, as the SDK's model carries it: Java value -> core parameter -> SDK parameter, and back. */
class DataApiValuesTest {

    @Test
    void textAndIdentifiersAreStrings() {
        assertThat(sent("p1", "x")).isEqualTo(parameter("p1", Field.builder().stringValue("x"), null));
        UUID uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(sent("p1", uuid).value().stringValue()).isEqualTo(uuid.toString());
        assertThat(sent("p1", uuid).typeHint()).isNull();
    }

    @Test
    void integralTypesAreLongs() {
        for (Object integral : new Object[] {(byte) 7, (short) 7, 7, 7L}) {
            assertThat(sent("p1", integral).value().longValue()).isEqualTo(7L);
        }
    }

    @Test
    void booleansAndFloatingPointKeepTheirKind() {
        assertThat(sent("p1", true).value().booleanValue()).isTrue();
        assertThat(sent("p1", 1.5d).value().doubleValue()).isEqualTo(1.5d);
        assertThat(sent("p1", 1.5f).value().doubleValue()).isEqualTo(1.5d);
    }

    @Test
    void decimalsAreTextWithTheDecimalHint() {
        SqlParameter decimal = sent("p1", new BigDecimal("1E+3"));
        assertThat(decimal.value().stringValue()).isEqualTo("1000");
        assertThat(decimal.typeHint()).isEqualTo(TypeHint.DECIMAL);
        SqlParameter unsigned = sent("p1", new BigInteger("18446744073709551615"));
        assertThat(unsigned.value().stringValue()).isEqualTo("18446744073709551615");
        assertThat(unsigned.typeHint()).isEqualTo(TypeHint.DECIMAL);
    }

    @Test
    void datesAndTimesUseTheDataApiFormatsAndHints() {
        assertThat(sent("p1", LocalDate.of(2019, 3, 6)))
                .isEqualTo(parameter("p1", Field.builder().stringValue("2019-03-06"), TypeHint.DATE));
        assertThat(sent("p1", LocalTime.of(2, 45, 32)))
                .isEqualTo(parameter("p1", Field.builder().stringValue("02:45:32"), TypeHint.TIME));
        assertThat(sent("p1", LocalDateTime.of(2019, 3, 6, 2, 45, 32)))
                .isEqualTo(parameter("p1", Field.builder().stringValue("2019-03-06 02:45:32"), TypeHint.TIMESTAMP));
    }

    @Test
    void fractionsOfASecondAreMillisecondsAtMost() {
        LocalDateTime withNanos = LocalDateTime.of(2019, 3, 6, 2, 45, 32, 120_456_789);
        assertThat(sent("p1", withNanos).value().stringValue()).isEqualTo("2019-03-06 02:45:32.120");
        assertThat(sent("p1", LocalTime.of(2, 45, 32, 5_000_000)).value().stringValue())
                .isEqualTo("02:45:32.005");
    }

    @Test
    void zonedInstantsAreWrittenInUtc() {
        OffsetDateTime inParis = OffsetDateTime.of(2019, 3, 6, 3, 45, 32, 0, ZoneOffset.ofHours(1));
        assertThat(sent("p1", inParis).value().stringValue()).isEqualTo("2019-03-06 02:45:32");
        assertThat(sent("p1", Instant.parse("2019-03-06T02:45:32Z")).value().stringValue())
                .isEqualTo("2019-03-06 02:45:32");
        assertThat(sent("p1", inParis).typeHint()).isEqualTo(TypeHint.TIMESTAMP);
    }

    /** The JSON hint's text comes from the translator ({@code RenderedStatementTest}): the core knows no jOOQ. */
    @Test
    void bytesAreBlobsAndJsonIsHintedText() {
        assertThat(sent("p1", new byte[] {1, 2}).value().blobValue().asByteArray())
                .containsExactly(1, 2);
        SqlParameter json = SdkShapes.parameter(new DataApiParameter("p1", "{\"a\":1}", DataApiParameter.Hint.JSON));
        assertThat(json.value().stringValue()).isEqualTo("{\"a\":1}");
        assertThat(json.typeHint()).isEqualTo(TypeHint.JSON);
    }

    @Test
    void nullIsNull() {
        assertThat(sent("p1", null)).isEqualTo(parameter("p1", Field.builder().isNull(true), null));
    }

    @Test
    void unknownTypesAreRefusedByName() {
        assertThatThrownBy(() -> sent("p1", new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder");
    }

    @Test
    void readsTheFieldsMySqlReturns() {
        assertThat(read(text("i-1"), String.class)).isEqualTo("i-1");
        assertThat(read(Field.builder().longValue(42L).build(), Long.class)).isEqualTo(42L);
        assertThat(read(Field.builder().longValue(42L).build(), Integer.class)).isEqualTo(42);
        assertThat(read(Field.builder().longValue(1L).build(), Boolean.class)).isTrue();
        assertThat(read(Field.builder().booleanValue(false).build(), Boolean.class)).isFalse();
        assertThat(read(Field.builder().doubleValue(1.25).build(), Double.class)).isEqualTo(1.25);
        assertThat(read(text("12.50"), BigDecimal.class)).isEqualTo(new BigDecimal("12.50"));
        assertThat(read(text("18446744073709551615"), BigInteger.class))
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(read(text("2019-03-06"), LocalDate.class)).isEqualTo(LocalDate.of(2019, 3, 6));
        assertThat(read(text("02:45:32.5"), LocalTime.class)).isEqualTo(LocalTime.of(2, 45, 32, 500_000_000));
        assertThat(read(text("2019-03-06 02:45:32"), LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2019, 3, 6, 2, 45, 32));
        assertThat(read(text("2019-03-06 02:45:32"), OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2019, 3, 6, 2, 45, 32, 0, ZoneOffset.UTC));
        assertThat(read(text("2019-03-06 02:45:32"), Instant.class))
                .isEqualTo(Instant.parse("2019-03-06T02:45:32Z"));
        assertThat(read(Field.builder().blobValue(SdkBytes.fromByteArray(new byte[] {9})).build(),
                byte[].class)).containsExactly(9);
        assertThat(read(text("0f8fad5b-d9cb-469f-a165-70867728950e"), UUID.class))
                .isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThat(read(Field.builder().isNull(true).build(), LocalDateTime.class)).isNull();
    }

    @Test
    void everyParameterReadsBackAsItsOwnType() {
        Object[] values = {"text", 42L, 42, true, 2.5d, new BigDecimal("3.14"), LocalDate.of(2019, 3, 6),
            LocalTime.of(2, 45, 32, 120_000_000), LocalDateTime.of(2019, 3, 6, 2, 45, 32),
            Instant.parse("2019-03-06T02:45:32.250Z"),
            UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")};
        for (Object value : values) {
            Field sent = sent("p1", value).value();
            assertThat(read(sent, value.getClass())).as(value.getClass().getSimpleName()).isEqualTo(value);
        }
    }

    @Test
    void numbersDoNotSilentlyOverflow() {
        assertThatThrownBy(() -> read(Field.builder().longValue(1L << 40).build(), Integer.class))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aFieldOfTheWrongKindIsReportedWithBoth() {
        assertThatThrownBy(() -> read(Field.builder().longValue(1L).build(), LocalDate.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LONG_VALUE")
                .hasMessageContaining("java.time.LocalDate");
    }

    /** MySQL's TINYINT(1), SMALLINT, FLOAT and BIT read as the narrower Java types jOOQ may ask for. */
    @Test
    void narrowTypesReadFromTheWiderFieldsTheDataApiSends() {
        Field one = Field.builder().longValue(1L).build();
        assertThat(read(one, Short.class)).isEqualTo((short) 1);
        assertThat(read(one, Byte.class)).isEqualTo((byte) 1);
        assertThat(read(Field.builder().doubleValue(0.5).build(), Float.class)).isEqualTo(0.5f);
        assertThat(read(Field.builder().booleanValue(true).build(), Long.class)).isEqualTo(1L);
        assertThat(read(Field.builder().booleanValue(false).build(), Integer.class)).isZero();
        assertThatThrownBy(() -> read(Field.builder().longValue(300L).build(), Byte.class))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void decimalsReadFromEveryNumericKind() {
        assertThat(read(Field.builder().longValue(12L).build(), BigDecimal.class)).isEqualByComparingTo("12");
        assertThat(read(Field.builder().doubleValue(1.25).build(), BigDecimal.class)).isEqualByComparingTo("1.25");
        assertThat(read(text(" 3.50 "), BigDecimal.class)).isEqualByComparingTo("3.5");
        assertThatThrownBy(() -> read(Field.builder().booleanValue(true).build(), BigDecimal.class))
                .hasMessage("a Data API BOOLEAN_VALUE cannot be read as java.math.BigDecimal");
    }

    @Test
    void booleansReadFromTheTextAndNumbersMySqlUses() {
        assertThat(read(text("1"), Boolean.class)).isTrue();
        assertThat(read(text(" TRUE "), Boolean.class)).isTrue();
        assertThat(read(text("0"), Boolean.class)).isFalse();
        assertThat(read(text("false"), Boolean.class)).isFalse();
        assertThat(read(Field.builder().longValue(2L).build(), Boolean.class)).isTrue();
        assertThatThrownBy(() -> read(text("yes"), Boolean.class))
                .hasMessage("a Data API STRING_VALUE cannot be read as java.lang.Boolean");
        assertThatThrownBy(() -> read(Field.builder().doubleValue(1.0).build(), Boolean.class))
                .hasMessage("a Data API DOUBLE_VALUE cannot be read as java.lang.Boolean");
    }

    @Test
    void aResultWithNoMappingIsRefusedByItsTypeAndKind() {
        assertThatThrownBy(() -> read(text("x"), Thread.class))
                .hasMessage("no Data API result mapping to java.lang.Thread");
        assertThatThrownBy(() -> read(text("x"), byte[].class))
                .hasMessage("a Data API STRING_VALUE cannot be read as [B");
        assertThatThrownBy(() -> read(Field.builder().blobValue(SdkBytes.fromByteArray(new byte[] {1})).build(),
                Long.class)).hasMessage("a Data API BLOB_VALUE cannot be read as java.lang.Long");
        assertThat(read(Field.builder().longValue(7L).build(), Object.class)).isEqualTo(7L);
        assertThat(DataApiValues.kind(null)).isEqualTo("IS_NULL");
    }

    private static Field text(String value) {
        return Field.builder().stringValue(value).build();
    }

    private static SqlParameter parameter(String name, Field.Builder value, TypeHint typeHint) {
        return SqlParameter.builder().name(name).value(value.build()).typeHint(typeHint).build();
    }

    private static SqlParameter sent(String name, Object value) {
        return SdkShapes.parameter(DataApiValues.parameter(name, value));
    }

    private static <T> T read(Field field, Class<T> type) {
        return DataApiValues.value(SdkShapes.value(field), type);
    }
}
