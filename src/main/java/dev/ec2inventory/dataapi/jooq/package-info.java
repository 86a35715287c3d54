/**
 * The translator over the core: a jOOQ query becomes a named-parameter statement, and its rows come back as the
 * query's own typed records. The only package under {@code dataapi} that sees jOOQ.
 */
package dev.ec2inventory.dataapi.jooq;
