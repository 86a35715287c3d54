package dev.ec2inventory.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Query;
import org.jooq.Row3;
import org.jooq.impl.SQLDataType;
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

    /** The inventory's link rows, {@code ec2_package}, as the issue measured them. */
    private static final Field<String> INSTANCE_ID = field(name("aws_instance_id"), SQLDataType.VARCHAR(255));
    private static final Field<String> PACKAGE_NAME = field(name("package_name"), SQLDataType.VARCHAR(100));
    private static final Field<String> PACKAGE_VERSION = field(name("package_version"), SQLDataType.VARCHAR(50));

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
        RenderedStatement statement = new RenderedStatement(sql, List.of());

        assertThat(sentBytes(statement) - sentBytes(new RenderedStatement("", List.of())))
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
                new byte[] {1}, new byte[] {1, 2}, new byte[] {1, 2, 3}, new byte[1000], JSON.valueOf("{\"a\": [1]}"),
                UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));

        assertThat(slack(parameterOf(null))).as("null").isEqualTo(envelopeSlack);
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
        RenderedStatement statement = parameterOf("x");

        long sent = SDK.body(statement, largest, TRANSACTION_ID, true).length;

        assertThat(RequestSize.estimate(statement)).isBetween(sent, sent + RequestSize.ENVELOPE_BYTES);
    }

    /**
     * The defect: the inventory's link rows for a thousand packages, every field at its length limit in emoji,
     * were estimated at a third of their real size, sent whole, and refused by the Data API's 4 MiB limit.
     */
    @Test
    void aThousandRowsOfEmojiAreMeasuredAsSentAndSplitUnderTheRequestLimit() {
        List<Row3<String, String, String>> rows = IntStream.range(0, 1_000).mapToObj(i -> row(
                EMOJI.repeat(INSTANCE_ID.getDataType().length()),
                String.format("%04d", i) + EMOJI.repeat(PACKAGE_NAME.getDataType().length() - 4),
                EMOJI.repeat(PACKAGE_VERSION.getDataType().length()))).toList();
        Function<List<Row3<String, String, String>>, Query> insert = part -> insertInto(table(name("ec2_package")),
                INSTANCE_ID, PACKAGE_NAME, PACKAGE_VERSION).valuesOfRows(part);
        RenderedStatement whole = RenderedStatement.render(insert.apply(rows));

        long wholeSent = sentBytes(whole);
        List<RenderedStatement> plan = BulkStatements.plan(rows, insert, DataApiLimits.DATA_API);

        assertEstimateBounds(whole);
        assertThat(wholeSent).isGreaterThan(DataApiLimits.DATA_API.maxRequestBytes());
        assertThat(plan).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertEstimateBounds(part);
            assertThat(sentBytes(part)).isLessThanOrEqualTo(DataApiLimits.DATA_API.maxRequestBytes());
        });
        System.out.printf("[request size] 1,000 rows in emoji: %,d bytes sent whole, estimated %,d; split into %d"
                + " requests of %s bytes%n", wholeSent, RequestSize.estimate(whole), plan.size(),
                plan.stream().map(part -> String.format("%,d", sentBytes(part))).toList());
    }

    private static void assertEstimateBounds(RenderedStatement statement) {
        assertThat(slack(statement)).isBetween(0L, (long) RequestSize.ENVELOPE_BYTES);
    }

    private static long slack(RenderedStatement statement) {
        return RequestSize.estimate(statement) - sentBytes(statement);
    }

    /** Sent within a transaction, asking for columns: the longer of the envelopes the translator sends. */
    private static long sentBytes(RenderedStatement statement) {
        return SDK.body(statement, TARGET, TRANSACTION_ID, true).length;
    }

    private static RenderedStatement parameterOf(Object value) {
        return new RenderedStatement("SELECT :p1", List.of(new RenderedStatement.BindValue("p1", value)));
    }
}
