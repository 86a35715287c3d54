package dev.ec2inventory.dataapi.jooq;

import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;

/**
 * Runs jOOQ queries through the Data API, either each on its own or all inside one transaction: a query rendered for
 * the call, or a {@link StatementTemplate} rendered once and bound for the call.
 */
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
