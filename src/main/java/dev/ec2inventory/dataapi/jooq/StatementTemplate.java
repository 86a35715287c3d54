package dev.ec2inventory.dataapi.jooq;

import dev.ec2inventory.dataapi.DataApiParameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * A statement whose SQL is the same for every call, rendered once and lazily (a function renders only its own route's)
 * because building and rendering is most of a warm request's own work. Each {@link Slots slot} stands for a value of
 * the argument {@code A}.
 */
public final class StatementTemplate<A, Q extends Query> {

    private final Function<Slots<A>, Q> definition;
    private volatile Rendered<A, Q> rendered;

    private StatementTemplate(Function<Slots<A>, Q> definition) {
        this.definition = definition;
    }

    /** A statement of any number of slots, each reading its value from the argument. */
    public static <A, Q extends Query> StatementTemplate<A, Q> of(Function<Slots<A>, Q> definition) {
        return new StatementTemplate<>(definition);
    }

    /** A statement of one value: the argument itself, of {@code type} (a column's {@code getDataType()}). */
    public static <A, Q extends Query> StatementTemplate<A, Q> of(DataType<A> type,
            Function<Field<A>, Q> definition) {
        return of(slots -> definition.apply(slots.slot(type, Function.identity())));
    }

    public RenderedStatement bind(A argument) {
        Rendered<A, Q> template = rendered();
        List<DataApiParameter> parameters = new ArrayList<>(template.valuesInOrder().size());
        for (Function<? super A, ?> value : template.valuesInOrder()) {
            parameters.add(RenderedStatement.parameter(parameters.size() + 1, value.apply(argument)));
        }
        return RenderedStatement.of(template.sql(), parameters);
    }

    /** The statement as built, its placeholders empty: what the records of its result are made from. */
    Q query() {
        return rendered().query();
    }

    /** The fields of a fetching statement, worked out once: jOOQ works them out anew on each call. */
    Field<?>[] fields() {
        return rendered().fields();
    }

    private Rendered<A, Q> rendered() {
        Rendered<A, Q> template = rendered;
        if (template == null) {
            // Two threads may both render it; both results are the same, and either may stay.
            template = Rendered.of(definition);
            rendered = template;
        }
        return template;
    }

    private record Rendered<A, Q extends Query>(Q query, String sql, List<Function<? super A, ?>> valuesInOrder,
            Field<?>[] fields) {

        static <A, Q extends Query> Rendered<A, Q> of(Function<Slots<A>, Q> definition) {
            Slots<A> slots = new Slots<>();
            Q query = definition.apply(slots);
            List<Function<? super A, ?>> valuesInOrder = new ArrayList<>();
            // In the order of the SQL text's placeholders, as jOOQ numbers them; inline values are in the text.
            for (Param<?> param : query.getParams().values()) {
                if (!param.isInline()) {
                    valuesInOrder.add(slots.valueOf(param));
                }
            }
            Field<?>[] fields = query instanceof ResultQuery<?> fetching ? fetching.fields() : new Field<?>[0];
            return new Rendered<>(query, RenderedStatement.sqlOf(query), valuesInOrder, fields);
        }
    }

    /** The placeholders of one statement, each standing for a value of the argument. */
    public static final class Slots<A> {

        private final Map<Param<?>, Function<? super A, ?>> values = new IdentityHashMap<>();

        private Slots() {
        }

        /** A placeholder of {@code column}'s type, bound on each call to {@code value} of the argument. */
        public <T> Field<T> slot(Field<T> column, Function<? super A, ? extends T> value) {
            return slot(column.getDataType(), value);
        }

        /** A placeholder of {@code type}, bound on each call to {@code value} of the argument. */
        public <T> Field<T> slot(DataType<T> type, Function<? super A, ? extends T> value) {
            Param<T> placeholder = DSL.val(null, type);
            values.put(placeholder, value);
            return placeholder;
        }

        private Function<? super A, ?> valueOf(Param<?> param) {
            Function<? super A, ?> value = values.get(param);
            if (value == null) {
                throw new IllegalStateException("a statement template binds a value that is not one of its slots, "
                        + "so every call would send the same value: make it a slot, or inline it");
            }
            return value;
        }
    }
}
