package dev.ec2inventory.dataapi.jooq;

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
}
