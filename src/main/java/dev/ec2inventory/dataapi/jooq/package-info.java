/**
 * The translator: a jOOQ query becomes a named-parameter statement
 * ({@link dev.ec2inventory.dataapi.jooq.RenderedStatement}), runs through the core's {@link dev.ec2inventory.dataapi.DataApiClient}, and its rows come back as the query's own
 * typed records ({@link dev.ec2inventory.dataapi.jooq.ResultRecords}). Multi-row statements are split only when
 * the service's limits force it ({@link dev.ec2inventory.dataapi.jooq.BulkStatements}). The repository uses
 * {@link dev.ec2inventory.dataapi.jooq.JooqDataApi}.
 */
package dev.ec2inventory.dataapi.jooq;
