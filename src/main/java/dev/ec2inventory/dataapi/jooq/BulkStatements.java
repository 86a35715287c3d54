package dev.ec2inventory.dataapi.jooq;

import dev.ec2inventory.dataapi.DataApiLimits;
import dev.ec2inventory.dataapi.RequestSize;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Query;

/** Splits a multi-row statement into as few as the Data API limits allow: one call while it fits. */
final class BulkStatements {

    private BulkStatements() {
    }

    static <T> List<RenderedStatement> plan(List<T> rows, Function<? super List<T>, ? extends Query> statementFor,
            DataApiLimits limits) {
        if (rows.isEmpty()) {
            return List.of();
        }
        RenderedStatement whole = RenderedStatement.render(statementFor.apply(rows));
        long wholeRequest = RequestSize.estimate(whole.statement());
        if (limits.admits(whole.sqlBytes(), wholeRequest)) {
            return List.of(whole);
        }
        if (rows.size() == 1) {
            throw new IllegalArgumentException("a single row exceeds the Data API limits: " + whole.sqlBytes()
                    + " bytes of SQL, about " + wholeRequest + " bytes of request, limits " + limits);
        }
        int parts = Math.min(rows.size(), Math.max(2, limits.overshoot(whole.sqlBytes(), wholeRequest)));
        List<RenderedStatement> statements = new ArrayList<>();
        for (List<T> part : equalParts(rows, parts)) {
            statements.addAll(plan(part, statementFor, limits));
        }
        return statements;
    }

    private static <T> List<List<T>> equalParts(List<T> rows, int parts) {
        List<List<T>> split = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            int from = (int) ((long) rows.size() * part / parts);
            int to = (int) ((long) rows.size() * (part + 1) / parts);
            split.add(rows.subList(from, to));
        }
        return split;
    }
}
