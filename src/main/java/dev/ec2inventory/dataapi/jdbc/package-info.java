/**
 * A small JDBC driver over the RDS Data API, so that Flyway can migrate the database the same way the functions
 * reach it: through the Data API, with no network path to the cluster.
 *
 * <pre>{@code
 * DataApiUrl url = DataApiUrl.parse("jdbc:aws-data-api://arn:aws:rds:eu-west-1:123456789012:cluster:inventory"
 *         + "?secretArn=arn:aws:secretsmanager:eu-west-1:123456789012:secret:inventory-AbCdEf&database=ec2_inventory_db");
 * try (DataApiClient client = DataApiClients.create(url.effectiveRegion(), url.endpoint(), RetryBudget.DEFAULT)) {
 *     DataSource dataSource = new DataApiDataSource(url, client, SessionMode.CALL_PER_STATEMENT);
 *     Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
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
 * {@link java.sql.SQLException}s ({@code JdbcErrors}). A lost lock conflict (1213, 1205) is reported, not run again
 * as the translator runs it ({@code RetryBudget.runAgainOnLockConflict}): in a pinned session the server rolled back
 * the caller's whole transaction, which only the caller can run again, and JDBC leaves that choice to the caller.
 *
 * <h2>Two ways to reach the database ({@link dev.ec2inventory.dataapi.jdbc.SessionMode})</h2>
 * <b>{@code CALL_PER_STATEMENT}: only what AWS documents.</b> Every statement is one ExecuteStatement without a
 * transaction: the service commits it when the call returns ("changes that result from the call are committed
 * automatically") and resets the pooled connection before reusing it ("equivalent to COM_RESET_CONNECTION" on
 * MySQL). Statements run with {@code continueAfterTimeout}, as AWS recommends for each MySQL DDL statement
 * (BeginTransaction reference). Nothing of a session outlives its statement, so named locks and {@code SET}s serialise
 * or configure nothing beyond it; {@code setAutoCommit(false)} is accepted and changes nothing, {@code commit()} has
 * nothing to do, and {@code rollback()} fails rather than pretend. This is the mode the deployed migration uses
 * ({@code dev.ec2inventory.migration}, whose documentation says what Flyway gives up with it and why that is safe
 * there); it needs only {@code rds-data:ExecuteStatement}. See {@code CallPerStatementSession}.
 *
 * <p><b>{@code PINNED_TRANSACTION}: one database session per connection.</b> Flyway's MySQL support serialises
 * concurrent migrations with a named lock ({@code GET_LOCK}), which MySQL keeps per session, and it changes session
 * settings ({@code foreign_key_checks}) that it restores later. For both to mean something, every statement of one
 * JDBC connection must reach the same session, and the Data API offers one way to pin a session: a transaction. So
 * such a connection is one Data API transaction, begun at its first statement ({@code BeginTransaction}) and ended
 * when it closes ({@code CommitTransaction}). JDBC's own transactions live inside it as SQL: {@code setAutoCommit}
 * sends {@code SET autocommit = 1|0}, {@code commit} and {@code rollback} send {@code COMMIT} and {@code ROLLBACK}.
 * Closing the connection ends the session, which also releases a lock a crashed migration never released. See
 * {@code PinnedSession}. This mode is what {@link java.sql.DriverManager} connections ({@code DataApiDriver}) and the
 * two-argument {@code DataApiDataSource} give.
 *
 * <h2>What the pinned mode relies on, and the service does not document</h2>
 * <ul>
 *   <li>That a transaction id stays usable after a DDL statement's implicit commit (AWS documents the commit, not what
 *       happens to the transaction), and that the service passes {@code COMMIT}, {@code ROLLBACK} and
 *       {@code SET autocommit} through to MySQL inside a transaction and keeps the transaction after them; also that
 *       BeginTransaction leaves autocommit off. This holds against the emulator's default reading only: with
 *       {@code implicitCommitEndsTransaction(true)}, the opposite reading, a pinned connection loses its transaction
 *       at its first such statement. Code that must run against the real service should use
 *       {@code CALL_PER_STATEMENT}, as the migration does.</li>
 *   <li>The Data API rolls back and forgets a transaction no call has used for three minutes. Flyway never waits
 *       that long between statements (a blocked {@code GET_LOCK} is retried every 10 seconds), but a connection
 *       left idle for three minutes is dead: its next call fails with SQLState 08003. Nothing is retried on a new
 *       session, since that would silently drop the session's lock.</li>
 *   <li>A single statement may run at most 45 seconds per call; the driver asks the service to let it finish
 *       anyway ({@code continueAfterTimeout}), as AWS recommends for DDL, and reports the timeout.</li>
 * </ul>
 */
package dev.ec2inventory.dataapi.jdbc;
