package dev.ec2inventory.dataapi.jooq;

import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;

/** Runs jOOQ queries, or {@link StatementTemplate}s rendered once, through the Data API. */
public interface DataApiSession {

    /** One ExecuteStatement; the records are of the query's own type, with each field's Java type. */
    <R extends Record> Result<R> fetch(ResultQuery<R> query);

    /** One ExecuteStatement; returns the number of rows it changed. */
    int execute(Query query);

    /** As {@link #fetch(ResultQuery)}, for a template bound to {@code argument}: nothing is rendered. */
    <A, R extends Record> Result<R> fetch(StatementTemplate<A, ? extends ResultQuery<R>> template, A argument);

    /** As {@link #execute(Query)}, for a template bound to {@code argument}: nothing is rendered. */
    <A> int execute(StatementTemplate<A, ?> template, A argument);
}
