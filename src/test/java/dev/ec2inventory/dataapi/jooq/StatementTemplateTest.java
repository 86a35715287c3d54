package dev.ec2inventory.dataapi.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.deleteFrom;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.DataApiParameter.Hint;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.ScriptedRdsDataClient;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;

class StatementTemplateTest {

    private static final Table<Record> ITEM = table(name("item"));
    private static final Field<String> NAME = field(name("item", "name"), SQLDataType.VARCHAR(100));
    private static final Field<LocalDateTime> CREATED = field(name("item", "created"), SQLDataType.LOCALDATETIME);

    private static final LocalDateTime MARCH = LocalDateTime.of(2019, 3, 6, 2, 45, 32);

    /** What a call binds: a name and a date. */
    private record Item(String name, LocalDateTime created) {
    }

    @Test
    void bindingFillsThePlaceholdersFromTheArgumentInTheOrderOfTheText() {
        StatementTemplate<Item, Query> template = StatementTemplate.of(item -> {
            Field<String> itemName = item.slot(NAME, Item::name);
            return deleteFrom(ITEM).where(NAME.eq(itemName))
                    .or(CREATED.lt(item.slot(CREATED, Item::created)).and(NAME.ne(itemName)));
        });

        RenderedStatement statement = template.bind(new Item("a", MARCH));

        assertThat(statement.sql()).isEqualTo("delete from `item` where (`item`.`name` = :p1 or "
                + "(`item`.`created` < :p2 and `item`.`name` <> :p3))");
        assertThat(statement.parameters()).containsExactly(new DataApiParameter("p1", "a", null),
                new DataApiParameter("p2", "2019-03-06 02:45:32", Hint.TIMESTAMP),
                new DataApiParameter("p3", "a", null));
    }

    @Test
    void theStatementIsBuiltAndRenderedOnceOnFirstUse() {
        AtomicInteger builds = new AtomicInteger();
        StatementTemplate<String, Query> template = StatementTemplate.of(NAME.getDataType(), itemName -> {
            builds.incrementAndGet();
            return deleteFrom(ITEM).where(NAME.eq(itemName));
        });
        assertThat(builds).as("built before its first use").hasValue(0);

        RenderedStatement first = template.bind("a");
        RenderedStatement second = template.bind("b");

        assertThat(builds).hasValue(1);
        assertThat(second.sql()).isSameAs(first.sql());
        assertThat(first.parameters()).containsExactly(new DataApiParameter("p1", "a", null));
        assertThat(second.parameters()).containsExactly(new DataApiParameter("p1", "b", null));
    }

    @Test
    void callsOnManyThreadsAtOnceEachGetTheirOwnValues() throws Exception {
        StatementTemplate<String, Query> template = StatementTemplate.of(NAME.getDataType(),
                itemName -> deleteFrom(ITEM).where(NAME.eq(itemName)));
        int threads = 8;
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RenderedStatement>> calls = IntStream.range(0, threads)
                    .mapToObj(call -> pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return template.bind("item-" + call);
                    }))
                    .toList();

            for (int call = 0; call < threads; call++) {
                RenderedStatement statement = calls.get(call).get(10, TimeUnit.SECONDS);
                assertThat(statement.sql()).isEqualTo("delete from `item` where `item`.`name` = :p1");
                assertThat(statement.parameters()).containsExactly(new DataApiParameter("p1", "item-" + call, null));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inlinedValuesStayInTheTextAndTakeNoSlot() {
        StatementTemplate<String, Query> template = StatementTemplate.of(NAME.getDataType(),
                itemName -> select(NAME).from(ITEM).where(NAME.eq(itemName)).limit(inline(3)));

        RenderedStatement statement = template.bind("a");

        assertThat(statement.sql()).isEqualTo("select `item`.`name` from `item` where `item`.`name` = :p1 limit 3");
        assertThat(statement.parameters()).containsExactly(new DataApiParameter("p1", "a", null));
    }

    @Test
    void aBoundValueThatIsNotASlotIsRefused() {
        StatementTemplate<String, Query> template = StatementTemplate.of(NAME.getDataType(),
                itemName -> deleteFrom(ITEM).where(NAME.eq(itemName)).or(NAME.eq("fixed")));

        assertThatThrownBy(() -> template.bind("a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not one of its slots");
    }

    @Test
    void aSessionFetchesATemplatesRecordsOfItsOwnTypes() {
        ScriptedRdsDataClient client = new ScriptedRdsDataClient();
        JooqDataApi dataApi = new JooqDataApi(new DataApiClient(client),
                new DataApiTarget("arn:cluster", "arn:secret", "inventory"));
        StatementTemplate<String, ResultQuery<Record2<String, LocalDateTime>>> template = StatementTemplate.of(
                NAME.getDataType(), itemName -> select(NAME, CREATED).from(ITEM).where(NAME.eq(itemName)));
        client.thenAnswer(ExecuteStatementResponse.builder()
                .columnMetadata(ColumnMetadata.builder().name("name").build(),
                        ColumnMetadata.builder().name("created").build())
                .records(List.of(List.of(
                        software.amazon.awssdk.services.rdsdata.model.Field.fromStringValue("a"),
                        software.amazon.awssdk.services.rdsdata.model.Field.fromStringValue("2019-03-06 02:45:32"))))
                .build());

        Result<Record2<String, LocalDateTime>> rows = dataApi.fetch(template, "a");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).value1()).isEqualTo("a");
        assertThat(rows.get(0).value2()).isEqualTo(MARCH);
        assertThat(client.statements().get(0).sql())
                .isEqualTo("select `item`.`name`, `item`.`created` from `item` where `item`.`name` = :p1");
        assertThat(client.statements().get(0).parameters()).singleElement()
                .satisfies(parameter -> assertThat(parameter.value().stringValue()).isEqualTo("a"));
        assertThat(client.statements().get(0).includeResultMetadata()).isTrue();
    }
}
