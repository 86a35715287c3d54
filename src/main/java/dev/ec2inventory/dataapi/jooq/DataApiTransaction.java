package dev.ec2inventory.dataapi.jooq;

import java.util.List;
import java.util.function.Function;
import org.jooq.Query;

/** The session of one Data API transaction: what {@link TransactionWork} runs its statements on. */
public interface DataApiTransaction extends DataApiSession {

    /**
     * A multi-row statement, split only when a Data API limit forces it: {@code statementFor} builds it for any
     * sublist of {@code rows}. Returns the rows changed over all parts.
     */
    <T> int executeBulk(List<T> rows, Function<? super List<T>, ? extends Query> statementFor);
}
