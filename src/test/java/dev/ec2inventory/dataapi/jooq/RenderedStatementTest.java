package dev.ec2inventory.dataapi.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import dev.ec2inventory.dataapi.DataApiParameter;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

class RenderedStatementTest {

    private static final Field<String> REGION = field(name("ec2", "aws_region"), SQLDataType.VARCHAR(30));

    @Test
    void namesPlaceholdersAfterTheirPosition() {
        Query query = selectOne().from(table(name("ec2"))).where(REGION.in("us-east-1", "eu-west-1")).limit(5);

        RenderedStatement statement = RenderedStatement.render(query);

        assertThat(statement.sql()).isEqualTo(
                "select 1 as `one` from `ec2` where `ec2`.`aws_region` in (:p1, :p2) limit :p3");
        assertThat(statement.parameters()).containsExactly(
                parameter("p1", "us-east-1"), parameter("p2", "eu-west-1"), parameter("p3", 5L));
    }

    @Test
    void inlinedValuesStayInTheTextAndTakeNoName() {
        // jOOQ's getParams() counts the inlined 'x' as "1", so its keys are not the rendered names.
        Query query = DSL.select(inline("x"), val("y")).where(REGION.eq("z"));

        RenderedStatement statement = RenderedStatement.render(query);

        assertThat(statement.sql()).isEqualTo("select 'x', :p1 where `ec2`.`aws_region` = :p2");
        assertThat(statement.parameters()).containsExactly(parameter("p1", "y"), parameter("p2", "z"));
    }

    @Test
    void nullBindValuesAreKept() {
        RenderedStatement statement = RenderedStatement.render(DSL.select(val((String) null)));

        assertThat(statement.parameters()).containsExactly(parameter("p1", null));
    }

    /** The core knows no jOOQ, so the translator sends jOOQ's JSON itself: as text with the JSON hint. */
    @Test
    void jsonIsHintedText() {
        Field<JSON> document = field(name("doc"), SQLDataType.JSON);

        RenderedStatement statement = RenderedStatement.render(selectOne().where(document.eq(JSON.valueOf("{\"a\":1}"))));

        assertThat(statement.parameters())
                .containsExactly(new DataApiParameter("p1", "{\"a\":1}", DataApiParameter.Hint.JSON));
    }

    @Test
    void measuresSqlInUtf8Bytes() {
        RenderedStatement statement = RenderedStatement.render(DSL.query("select 'é'"));

        assertThat(statement.sqlBytes()).isEqualTo(11);
    }

    /** A parameter without a type hint: strings and integers need none. */
    private static DataApiParameter parameter(String name, Object value) {
        return new DataApiParameter(name, value, null);
    }
}
