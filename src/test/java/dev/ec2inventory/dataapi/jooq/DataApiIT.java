package dev.ec2inventory.dataapi.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.table;

import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiLimits;
import dev.ec2inventory.dataapi.DataApiSqlException;
import dev.ec2inventory.dataapi.DataApiUnavailableException;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiFault;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The translator through the local Data API emulator and the real SDK client, on a real database. */
@EmulatedDatabase(migrated = false)
class DataApiIT {

    private static final Table<Record> TYPES = table(name("types"));
    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> TEXT = field(name("text_value"), SQLDataType.VARCHAR(100));
    private static final Field<Integer> INTEGER = field(name("int_value"), SQLDataType.INTEGER);
    private static final Field<Boolean> BOOL = field(name("bool_value"), SQLDataType.BOOLEAN);
    private static final Field<Double> DOUBLE = field(name("double_value"), SQLDataType.DOUBLE);
    private static final Field<BigDecimal> DECIMAL = field(name("decimal_value"), SQLDataType.DECIMAL(10, 2));
    private static final Field<BigInteger> UNSIGNED = field(name("unsigned_value"), SQLDataType.DECIMAL_INTEGER);
    private static final Field<LocalDate> DATE = field(name("date_value"), SQLDataType.LOCALDATE);
    private static final Field<LocalTime> TIME = field(name("time_value"), SQLDataType.LOCALTIME);
    private static final Field<LocalDateTime> DATETIME = field(name("datetime_value"), SQLDataType.LOCALDATETIME);
    private static final Field<OffsetDateTime> OFFSET = field(name("offset_value"), SQLDataType.OFFSETDATETIME);
    private static final Field<Instant> INSTANT = field(name("instant_value"), SQLDataType.INSTANT);
    private static final Field<byte[]> BYTES = field(name("bytes_value"), SQLDataType.VARBINARY(16));
    private static final Field<JSON> JSON_VALUE = field(name("json_value"), SQLDataType.JSON);
    /**
     * jOOQ's MySQL dialect writes a JSON bind as {@code cast(:p1 as json)}, which MySQL runs and MariaDB (the test
     * database) cannot parse: the column is written as text, and read as JSON.
     */
    private static final Field<String> JSON_TEXT = field(name("json_value"), SQLDataType.LONGVARCHAR);
    private static final Field<UUID> UUID_VALUE = field(name("uuid_value"), SQLDataType.UUID);
    private static final List<Field<?>> ALL = List.of(ID, TEXT, INTEGER, BOOL, DOUBLE, DECIMAL, UNSIGNED, DATE, TIME,
            DATETIME, OFFSET, INSTANT, BYTES, JSON_VALUE, UUID_VALUE);
    private static final List<Field<?>> WRITTEN = List.of(ID, TEXT, INTEGER, BOOL, DOUBLE, DECIMAL, UNSIGNED, DATE,
            TIME, DATETIME, OFFSET, INSTANT, BYTES, JSON_TEXT, UUID_VALUE);

    private static final Table<Record> ITEM = table(name("item"));
    private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR(100));
    private static final Function<List<String>, Query> INSERT_ITEMS =
            chunk -> insertInto(ITEM, NAME).valuesOfRows(chunk.stream().map(value -> row(value)).toList());

    private static EmulatedCluster cluster;
    private static JooqDataApi dataApi;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        cluster.database.execute("""
                CREATE TABLE types (
                    id BIGINT PRIMARY KEY, text_value VARCHAR(100), int_value INT, bool_value BOOLEAN,
                    double_value DOUBLE, decimal_value DECIMAL(10, 2), unsigned_value BIGINT UNSIGNED,
                    date_value DATE, time_value TIME(3), datetime_value DATETIME(3), offset_value DATETIME(3),
                    instant_value DATETIME(3), bytes_value VARBINARY(16), json_value JSON, uuid_value CHAR(36))""",
                "CREATE TABLE item (name VARCHAR(4000) NOT NULL, PRIMARY KEY (name(100)))",
                "CREATE TABLE orphan (name VARCHAR(10))");
        dataApi = cluster.dataApi();
    }

    @AfterEach
    void clean() {
        cluster.database.execute("DELETE FROM types", "DELETE FROM item");
    }

    @Test
    void everyMappedTypeGoesInAndComesBackAsItself() {
        List<Object> values = List.of(1L, "i-01aaae43feb712345 é 🚀", 42, true, 2.5d, new BigDecimal("12.50"),
                new BigInteger("18446744073709551615"), LocalDate.of(2019, 3, 6), LocalTime.of(2, 45, 32, 120_000_000),
                LocalDateTime.of(2019, 3, 6, 2, 45, 32, 250_000_000),
                OffsetDateTime.of(2019, 3, 6, 2, 45, 32, 0, ZoneOffset.UTC), Instant.parse("2019-03-06T02:45:32.5Z"),
                new byte[] {0, 1, (byte) 0xFF}, JSON.valueOf("{\"a\": [1, 2]}"),
                UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        List<Object> written = new ArrayList<>(values);
        written.set(ALL.indexOf(JSON_VALUE), ((JSON) values.get(ALL.indexOf(JSON_VALUE))).data());

        assertThat(dataApi.execute(insertInto(TYPES).columns(WRITTEN).values(written))).isEqualTo(1);
        Record stored = dataApi.fetch(select(ALL).from(TYPES)).get(0);

        for (int i = 0; i < ALL.size(); i++) {
            Object value = stored.get(ALL.get(i));
            assertThat(value).as(ALL.get(i).getName()).isInstanceOf(values.get(i).getClass());
            if (value instanceof byte[] bytes) {
                assertThat(bytes).containsExactly((byte[]) values.get(i));
            } else if (value instanceof JSON json) {
                assertThat(json.data().replace(" ", "")).isEqualTo("{\"a\":[1,2]}");
            } else {
                assertThat(value).as(ALL.get(i).getName()).isEqualTo(values.get(i));
            }
        }
    }

    @Test
    void nullsGoInAndComeBackAsNull() {
        Object[] nulls = new Object[ALL.size()];
        nulls[0] = 2L;

        dataApi.execute(insertInto(TYPES).columns(WRITTEN).values(Arrays.asList(nulls)));
        Record stored = dataApi.fetch(select(ALL).from(TYPES)).get(0);

        assertThat(stored.intoArray()).containsExactly(nulls);
    }

    @Test
    void aTransactionCommitsAllItsStatements() {
        int changed = dataApi.transaction(tx -> {
            tx.execute(insertInto(ITEM, NAME).values("a"));
            return tx.execute(insertInto(ITEM, NAME).values("b"));
        });

        assertThat(changed).as("what the work returned").isEqualTo(1);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(2);
        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.COMMIT_TRANSACTION)).isEqualTo(1);
    }

    @Test
    void aFailureInsideRollsEverythingBack() {
        assertThatThrownBy(() -> dataApi.transaction(tx -> {
            tx.execute(insertInto(ITEM, NAME).values("a"));
            return tx.execute(insertInto(ITEM, NAME).values("a"));
        })).isInstanceOfSatisfying(DataApiSqlException.class, duplicate -> {
            assertThat(duplicate.errorCode()).hasValue(DataApiSqlException.DUPLICATE_ENTRY);
            assertThat(duplicate.sqlState()).hasValue("23000");
            assertThat(duplicate.isDuplicateEntry()).isTrue();
        });

        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM item")).isZero();
        assertThat(cluster.calls(DataApiOperation.ROLLBACK_TRANSACTION)).isEqualTo(1);
    }

    @Test
    void aFailingRollbackNeverHidesTheFailureThatCausedIt() {
        IllegalStateException original = new IllegalStateException("the work failed");

        // The refused rollback leaves the transaction open until the emulator's idle timeout, holding its row lock:
        // on a table of its own, so that it blocks no other test.
        assertThatThrownBy(() -> dataApi.transaction(tx -> {
            tx.execute(insertInto(table(name("orphan")), NAME).values("a"));
            cluster.emulator.faults().failNthCallFromNow(1,
                    DataApiFault.of(DataApiErrorType.INTERNAL_SERVER_ERROR, "rollback refused"));
            throw original;
        })).isSameAs(original).satisfies(failure -> assertThat(failure.getSuppressed()).singleElement()
                .satisfies(suppressed -> assertThat(suppressed).hasMessageContaining("RollbackTransaction")));
    }

    @Test
    void bulkRowsCostOneCallUntilTheSqlLimitForcesAnother() {
        List<String> thousand = names(1_000);
        List<String> tenThousand = names(10_000);
        RenderedStatement oneCall = RenderedStatement.render(INSERT_ITEMS.apply(thousand));
        RenderedStatement tooLong = RenderedStatement.render(INSERT_ITEMS.apply(tenThousand));

        assertThat(dataApi.<Integer>transaction(tx -> tx.executeBulk(thousand, INSERT_ITEMS))).isEqualTo(1_000);
        long callsForAThousand = cluster.calls(DataApiOperation.EXECUTE_STATEMENT);
        cluster.reset();
        assertThat(dataApi.<Integer>transaction(tx -> tx.executeBulk(tenThousand, INSERT_ITEMS))).isEqualTo(10_000);
        long callsForTenThousand = cluster.calls(DataApiOperation.EXECUTE_STATEMENT);

        assertThat(oneCall.sqlBytes()).isLessThan(DataApiLimits.DATA_API.maxSqlBytes());
        assertThat(callsForAThousand).isEqualTo(1);
        assertThat(callsForTenThousand)
                .isEqualTo((long) Math.ceil((double) tooLong.sqlBytes() / DataApiLimits.DATA_API.maxSqlBytes()));
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(11_000);
        System.out.printf("[bulk insert] 1,000 rows: %,d bytes of SQL, %d call; 10,000 rows: %,d bytes of SQL, %d calls%n",
                oneCall.sqlBytes(), callsForAThousand, tooLong.sqlBytes(), callsForTenThousand);
    }

    @Test
    void bulkRowsStayUnderTheFourMibRequestLimit() {
        // 1,500 rows of 4,000 characters: about 6 MB of values, which the emulator would refuse in one request.
        List<String> large = IntStream.range(0, 1_500).mapToObj(i -> i + "x".repeat(3_990)).toList();

        assertThat(dataApi.<Integer>transaction(tx -> tx.executeBulk(large, INSERT_ITEMS))).isEqualTo(1_500);

        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(2);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(1_500);
    }

    @Test
    void aResumingDatabaseIsRetriedUntilItAnswers() {
        cluster.emulator.faults().failNext(3, DataApiFault.of(DataApiErrorType.DATABASE_RESUMING, "resuming"));

        assertThat(dataApi.fetch(selectCount().from(ITEM)).get(0).value1()).isZero();
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(4);
    }

    @Test
    void throttlingIsRetriedToo() {
        cluster.emulator.faults().failNext(2, new DataApiFault("ThrottlingException", 429, "Rate exceeded"));

        assertThat(dataApi.execute(insertInto(ITEM, NAME).values("a"))).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(3);
    }

    @Test
    void aSpentBudgetIsUnavailabilityNotAnError() {
        cluster.emulator.faults().failNext(10, DataApiFault.of(DataApiErrorType.DATABASE_RESUMING, "resuming"));

        assertThatThrownBy(() -> dataApi.fetch(selectCount().from(ITEM)))
                .isInstanceOf(DataApiUnavailableException.class);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT))
                .isEqualTo(EmulatedCluster.QUICK_RETRIES.maxAttempts());
    }

    @Test
    void failuresAfterWhichTheStatementMayHaveRunAreNotRetried() {
        cluster.emulator.faults().failNext(1, DataApiFault.of(DataApiErrorType.INTERNAL_SERVER_ERROR, "oops"));

        assertThatThrownBy(() -> dataApi.execute(insertInto(ITEM, NAME).values("a")))
                .isInstanceOf(DataApiException.class)
                .isNotInstanceOf(DataApiUnavailableException.class);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(1);
    }

    @Test
    void aResumingAnswerInsideATransactionIsRetriedInIt() {
        dataApi.transaction(tx -> {
            cluster.emulator.faults().failNext(2, DataApiFault.of(DataApiErrorType.DATABASE_RESUMING, "resuming"));
            return tx.execute(insertInto(ITEM, NAME).values("a"));
        });

        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(1);
    }

    private static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(i -> "name-" + count + "-" + i).toList();
    }
}
