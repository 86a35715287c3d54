package dev.ec2inventory.dataapi.jooq;

import java.util.List;
import java.util.function.Function;
import org.jooq.Query;

/** The session of one Data API transaction: what {@link TransactionWork} runs its statements on. */
public interface DataApiTransaction extends DataApiSession {

    /**
     * A multi-row statement over {@code rows}, as few ExecuteStatements as the Data API limits allow: one while the
     * statement fits, more only when a limit forces it. Inside the transaction, the rows land together or not at all.
     *
     * @param statementFor builds the statement for any sublist of the rows
     * @return the number of rows changed, over all statements
     */
    <T> int executeBulk(List<T> rows, Function<? super List<T>, ? extends Query> statementFor);
}
