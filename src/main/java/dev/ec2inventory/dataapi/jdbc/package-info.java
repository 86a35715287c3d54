/**
 * A small JDBC driver over the RDS Data API, so that Flyway can migrate the database the same way the functions
 * reach it: through the Data API, with no network path to the cluster.
 *
 * <pre>{@code
 * DataApiUrl url = DataApiUrl.parse("jdbc:aws-data-api://arn:aws:rds:eu-west-1:123456789012:cluster:inventory"
 *         + "?secretArn=arn:aws:secretsmanager:eu-west-1:123456789012:secret:inventory-AbCdEf&database=ec2_inventory_db");
 * try (DataApiDataSource dataSource = new DataApiDataSource(url)) {
 *     Flyway.configure().dataSource(dataSource).locations("filesystem:db/migration").load().migrate();
 * }
 * }</pre>
 *
 * <h2>It implements what Flyway's MySQL support uses</h2>
 * Connections with auto-commit, commit and rollback; statements and prepared statements (whose {@code ?} become
 * the Data API's {@code :p1 .. :pN}); forward-only result sets and their metadata, from the call's
 * {@code columnMetadata}; and the database metadata Flyway reads (product name and version, driver, URL, user,
 * tables). Every call goes through the core's {@code DataApiClient}, as the translator's do: traced, its failures
 * classified by the core, and its values mapped as the translator maps them ({@code DataApiValues}). Every other
 * JDBC method throws {@link java.sql.SQLFeatureNotSupportedException} naming itself. Failures are always
 * {@link java.sql.SQLException}s ({@code JdbcErrors}).
 *
 * <h2>One database session per connection</h2>
 * Each Data API call outside a transaction may run on any pooled database connection of the service. Flyway's MySQL
 * support needs more: it serialises concurrent migrations with a named lock ({@code GET_LOCK}), which MySQL keeps
 * per session until {@code RELEASE_LOCK} or the session's end, and it changes session settings
 * ({@code foreign_key_checks}) that it restores later. So every statement of one JDBC connection must reach the
 * same session.
 *
 * <p>The Data API offers exactly one way to pin a session: a transaction. So a connection is one Data API
 * transaction, begun at its first statement ({@code BeginTransaction}) and ended when it closes
 * ({@code CommitTransaction}). JDBC's own transactions live inside it as SQL: {@code setAutoCommit} sends
 * {@code SET autocommit = 1|0}, {@code commit} and {@code rollback} send {@code COMMIT} and {@code ROLLBACK}.
 * None of them ends the Data API transaction, so the session, and the lock, stay. Closing the connection ends the
 * session, which also releases a lock a crashed migration never released. See
 * {@code PinnedSession}.
 *
 * <h2>What this relies on</h2>
 * <ul>
 *   <li>That the service passes {@code COMMIT}, {@code ROLLBACK} and {@code SET autocommit} through to MySQL inside a
 *       transaction, and keeps the transaction (and its session) after them, as it documents for the implicit
 *       commit of a DDL statement inside a transaction. This was verified against the local emulator, which runs
 *       them on one JDBC connection, not against the real service.</li>
 *   <li>The Data API rolls back and forgets a transaction no call has used for three minutes. Flyway never waits
 *       that long between statements (a blocked {@code GET_LOCK} is retried every 10 seconds), but a connection
 *       left idle for three minutes is dead: its next call fails with SQLState 08003. Nothing is retried on a new
 *       session, since that would silently drop the session's lock.</li>
 *   <li>A single statement may run at most 45 seconds per call; the driver asks the service to let it finish
 *       anyway ({@code continueAfterTimeout}), as AWS recommends for DDL, and reports the timeout.</li>
 * </ul>
 */
package dev.ec2inventory.dataapi.jdbc;
