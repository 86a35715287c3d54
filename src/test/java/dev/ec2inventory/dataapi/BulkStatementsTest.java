package dev.ec2inventory.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

class BulkStatementsTest {

    private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR(100));
    private static final Function<List<String>, Query> INSERT =
            chunk -> insertInto(table(name("item")), NAME).valuesOfRows(chunk.stream().map(value -> row(value)).toList());

    @Test
    void splitsIntoAsFewStatementsAsTheSqlLimitAllows() {
        List<String> rows = names(1000, "n");
        int wholeSql = RenderedStatement.render(INSERT.apply(rows)).sqlBytes();

        List<RenderedStatement> plan = BulkStatements.plan(rows, INSERT, new DataApiLimits(wholeSql / 3 + 200, 1 << 30));

        assertThat(plan).hasSize(3);
        assertEveryRowOnce(plan, rows);
    }

    @Test
    void theRequestLimitSplitsToo() {
        List<String> rows = names(100, "x".repeat(1000));

        List<RenderedStatement> plan = BulkStatements.plan(rows, INSERT, new DataApiLimits(1 << 20, 40_000));

        assertThat(plan).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(statement -> assertThat(RequestSize.estimate(statement)).isLessThanOrEqualTo(40_000));
        assertEveryRowOnce(plan, rows);
    }

    @Test
    void rowsOfUnevenSizeAreCutAgainWhereNeeded() {
        List<String> rows = IntStream.range(0, 60).mapToObj(i -> i < 50 ? "s" + i : "x".repeat(2000) + i).toList();

        List<RenderedStatement> plan = BulkStatements.plan(rows, INSERT, new DataApiLimits(1 << 20, 12_000));

        assertThat(plan).allSatisfy(statement -> assertThat(RequestSize.estimate(statement)).isLessThanOrEqualTo(12_000));
        assertEveryRowOnce(plan, rows);
    }

    @Test
    void aRowThatCannotFitAloneIsRefused() {
        assertThatThrownBy(() -> BulkStatements.plan(List.of("x".repeat(5000)), INSERT, new DataApiLimits(1 << 20, 4000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single row");
    }

    private static void assertEveryRowOnce(List<RenderedStatement> plan, List<String> rows) {
        assertThat(plan.stream().flatMap(statement -> statement.bindValues().stream())
                .map(bind -> (String) bind.value()).toList()).containsExactlyElementsOf(rows);
    }

    private static List<String> names(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
