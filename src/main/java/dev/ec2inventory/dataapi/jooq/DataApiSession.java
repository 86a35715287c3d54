package dev.ec2inventory.dataapi.jooq;

import java.util.List;
import java.util.function.Function;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;

/** Runs jOOQ queries through the Data API, either each on its own or all inside one transaction. */
public interface DataApiSession {

    /** One ExecuteStatement; the records are of the query's own type, with each field's Java type. */
    <R extends Record> Result<R> fetch(ResultQuery<R> query);

    /** One ExecuteStatement; returns the number of rows it changed. */
    int execute(Query query);

    /**
     * A multi-row statement over {@code rows}, as few ExecuteStatements as the Data API limits allow: one while the
     * statement fits, more only when a limit forces it. Run it inside a transaction when the rows must land together.
     *
     * @param statementFor builds the statement for any sublist of the rows
     * @return the number of rows changed, over all statements
     */
    <T> int executeBulk(List<T> rows, Function<? super List<T>, ? extends Query> statementFor);
}
