package dev.ec2inventory.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RequestSize} against the body the real SDK marshals (captured where it would be sent): exact for text of every
 * character class and for every parameter, the envelope within its allowance, never below the real size.
 */
class RequestSizeTest {

    private static final DataApiTarget TARGET = new DataApiTarget(
            "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory-AbCdEf", "ec2_inventory_db");
    private static final String TRANSACTION_ID = "x".repeat(192);
    private static final String EMOJI = "\uD83D\uDE80"; // U+1F680, four bytes of UTF-8

    private static final MarshalledRequests SDK = new MarshalledRequests();

    @AfterAll
    static void close() {
        SDK.close();
    }

    static Stream<Arguments> characterClasses() {
        return Stream.of(
                Arguments.of("ASCII", "abcXYZ 019~"),
                Arguments.of("slash, DEL and HTML characters, written as they are", "/\u007f<>&'="),
                Arguments.of("quote and backslash", "\"\\"),
                Arguments.of("controls with a short escape", "\b\t\n\f\r"),
                Arguments.of("other controls", "\u0000\u0001\u000b\u001b\u001f"),
                Arguments.of("2-byte UTF-8", "\u0080\u00e9\u00df\u07ff"),
                Arguments.of("3-byte UTF-8", "\u0800\u20ac\u2028\u2029\ue000\ufeff\ufffd\uffff"),
                Arguments.of("4-byte UTF-8", EMOJI + "\uD800\uDC00\uDBFF\uDFFF"),
                Arguments.of("unpaired surrogates", "\uD800x\uDFFF\uDC00\uD83D"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("characterClasses")
    void aParameterIsCountedExactlyForEveryCharacterClass(String characterClass, String sample) {
        String text = sample.repeat(100);

        assertThat(sentBytes(parameterOf(text)) - sentBytes(parameterOf("")))
                .isEqualTo(RequestSize.jsonStringBytes(text) - RequestSize.jsonStringBytes(""));
        assertEstimateBounds(parameterOf(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("characterClasses")
    void theSqlTextIsCountedTheSameWay(String characterClass, String sample) {
        String sql = "SELECT '" + sample.repeat(100) + "'";
        SqlStatement statement = new SqlStatement(sql, List.of());

        assertThat(sentBytes(statement) - sentBytes(new SqlStatement("", List.of())))
                .isEqualTo(RequestSize.jsonStringBytes(sql) - RequestSize.jsonStringBytes(""));
        assertEstimateBounds(statement);
    }

    /** The sweep the samples above stand for: all 65,536 UTF-16 code units, 256 to a parameter. */
    @Test
    void everyUtf16CodeUnitIsCountedExactly() {
        long empty = sentBytes(parameterOf(""));
        for (int block = 0; block < 256; block++) {
            StringBuilder text = new StringBuilder(256);
            for (int unit = block * 256; unit < (block + 1) * 256; unit++) {
                text.append((char) unit);
            }
            assertThat(sentBytes(parameterOf(text.toString())) - empty)
                    .as("code units U+%04X to U+%04X", block * 256, block * 256 + 255)
                    .isEqualTo(RequestSize.jsonStringBytes(text.toString()) - RequestSize.jsonStringBytes(""));
        }
    }

    /** The only slack is the envelope's, the same for every value but a double, whose digits count at their longest. */
    @Test
    void everyParameterTypeIsCountedExactlyButADoublesDigits() {
        long envelopeSlack = slack(parameterOf(""));
        List<Object> exact = List.of(Long.MIN_VALUE, 0L, 42, true, false, new BigDecimal("-12345.678"),
                LocalDate.of(2019, 3, 6), LocalDateTime.of(2019, 3, 6, 2, 45, 32, 250_000_000), new byte[0],
                new byte[] {1}, new byte[] {1, 2}, new byte[] {1, 2, 3}, new byte[1000],
                UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));

        assertThat(slack(parameterOf(null))).as("null").isEqualTo(envelopeSlack);
        SqlStatement json = new SqlStatement("SELECT :p1",
                List.of(new DataApiParameter("p1", "{\"a\": [1]}", DataApiParameter.Hint.JSON)));
        assertThat(slack(json)).as("JSON").isEqualTo(envelopeSlack);
        for (Object value : exact) {
            assertThat(slack(parameterOf(value))).as("%s", value).isEqualTo(envelopeSlack);
        }
        for (double value : new double[] {0d, -1.2345678901234567E-308, Double.MAX_VALUE, Double.NaN}) {
            assertThat(slack(parameterOf(value))).as("%s", value).isBetween(envelopeSlack, envelopeSlack + 24 - 3);
        }
    }

    @Test
    void theLargestEnvelopeTheServiceAcceptsFitsItsAllowance() {
        // Each at the Data API's maximum length; the database name in the characters that escape longest.
        DataApiTarget largest = new DataApiTarget("arn:" + "r".repeat(96), "arn:" + "s".repeat(96),
                "\u0001".repeat(64));
        SqlStatement statement = parameterOf("x");

        long sent = SDK.body(statement, largest, TRANSACTION_ID, true).length;

        assertThat(RequestSize.estimate(statement)).isBetween(sent, sent + RequestSize.ENVELOPE_BYTES);
    }

    private static void assertEstimateBounds(SqlStatement statement) {
        assertThat(slack(statement)).isBetween(0L, (long) RequestSize.ENVELOPE_BYTES);
    }

    private static long slack(SqlStatement statement) {
        return RequestSize.estimate(statement) - sentBytes(statement);
    }

    /** Sent within a transaction, asking for columns: the longer of the envelopes the translator sends. */
    private static long sentBytes(SqlStatement statement) {
        return SDK.body(statement, TARGET, TRANSACTION_ID, true).length;
    }

    private static SqlStatement parameterOf(Object value) {
        return new SqlStatement("SELECT :p1", List.of(DataApiValues.parameter("p1", value)));
    }
}
