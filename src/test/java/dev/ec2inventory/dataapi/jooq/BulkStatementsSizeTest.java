package dev.ec2inventory.dataapi.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.table;

import dev.ec2inventory.dataapi.DataApiLimits;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.MarshalledRequests;
import dev.ec2inventory.dataapi.RequestSize;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Row3;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bulk statements sized as the real SDK marshals them (captured where they would be sent), split under 4 MiB. */
class BulkStatementsSizeTest {

    private static final DataApiTarget TARGET = new DataApiTarget(
            "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory-AbCdEf", "ec2_inventory_db");
    private static final String TRANSACTION_ID = "x".repeat(192);
    private static final String EMOJI = "\uD83D\uDE80"; // U+1F680, four bytes of UTF-8, twelve as the SDK escapes it

    /** The link rows, {@code ec2_package}, as the issue measured them: the instance id repeated on every row. */
    private static final Field<String> INSTANCE_ID = field(name("aws_instance_id"), SQLDataType.VARCHAR(255));
    private static final Field<String> PACKAGE_NAME = field(name("package_name"), SQLDataType.VARCHAR(100));
    private static final Field<String> PACKAGE_VERSION = field(name("package_version"), SQLDataType.VARCHAR(50));

    private static final MarshalledRequests SDK = new MarshalledRequests();

    @AfterAll
    static void close() {
        SDK.close();
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

        assertThat(RequestSize.estimate(whole.statement())).isBetween(wholeSent, wholeSent + RequestSize.ENVELOPE_BYTES);
        assertThat(wholeSent).isGreaterThan(DataApiLimits.DATA_API.maxRequestBytes());
        assertThat(plan).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(sentBytes(part))
                .isLessThanOrEqualTo(DataApiLimits.DATA_API.maxRequestBytes()));
        System.out.printf("[request size] 1,000 rows in emoji: %,d bytes sent whole, estimated %,d; split into %d"
                + " requests of %s bytes%n", wholeSent, RequestSize.estimate(whole.statement()), plan.size(),
                plan.stream().map(part -> String.format("%,d", sentBytes(part))).toList());
    }

    /** Sent within a transaction, asking for columns: the longer of the envelopes the translator sends. */
    private static long sentBytes(RenderedStatement statement) {
        return SDK.body(statement.statement(), TARGET, TRANSACTION_ID, true).length;
    }
}
