/**
 * A local RDS Data API for Aurora MySQL, so that the product's SDK code runs unchanged against a local database.
 *
 * <h2>Starting it</h2>
 * <pre>{@code
 * DataApiEmulator emulator = DataApiEmulator.builder()
 *         .cluster(LocalCluster.on(databaseServer))   // the local ARNs and ec2_inventory_db
 *         .port(0)                                     // any free port, on 127.0.0.1
 *         .start();                                    // logs the endpoint, ARNs, database and start-up time
 * RdsDataClient client = LocalCluster.client(emulator.endpoint());  // placeholder keys, which it accepts
 * }</pre>
 *
 * <h2>Which error each situation gets</h2>
 * Chosen from the service model's error shapes (API 2018-08-01) and from what the Aurora user guide documents for
 * Serverless v2 and provisioned clusters, the kind this product deploys:
 * <table>
 *   <caption>Error choices</caption>
 *   <tr><th>situation</th><th>{@code __type} (status)</th></tr>
 *   <tr><td>unknown {@code resourceArn}</td><td>{@code HttpEndpointNotEnabledException} (400), "HttpEndpoint is not
 *       enabled for resource &lt;arn&gt;", as the service answers for a cluster that does not exist</td></tr>
 *   <tr><td>{@code secretArn} of another cluster only</td><td>{@code InvalidSecretException} (400)</td></tr>
 *   <tr><td>unknown {@code secretArn}</td><td>{@code SecretsErrorException} (400): "the secret provided wasn't
 *       found" is one of its documented causes</td></tr>
 *   <tr><td>credentials the database refuses</td><td>{@code InvalidSecretException} (400)</td></tr>
 *   <tr><td>database unreachable, or connection lost</td><td>{@code DatabaseUnavailableException} (504)</td></tr>
 *   <tr><td>{@code ExecuteSql}</td><td>{@code BadRequestException} (400): not supported on v2; the only client error
 *       the model lists for it</td></tr>
 *   <tr><td>result over 1 MiB</td><td>{@code DatabaseErrorException} (400), "Database returned more than the allowed
 *       response size limit", the message the service sends</td></tr>
 *   <tr><td>request over 4 MiB</td><td>{@code RequestEntityTooLargeException} (413), the status the service's front
 *       door answers</td></tr>
 *   <tr><td>statement past the timeout</td><td>{@code StatementTimeoutException} (400) with {@code dbConnectionId}</td></tr>
 *   <tr><td>SQL error</td><td>{@code DatabaseErrorException} (400), {@code Database error code: <errno>. Message:
 *       <server message> (SQLState: <state>)}</td></tr>
 *   <tr><td>{@code arrayValue} parameter</td><td>{@code ValidationException} (400), "Array parameters are not
 *       supported."</td></tr>
 *   <tr><td>placeholder without a parameter, parameter without a value, value not fitting its
 *       {@code typeHint}</td><td>{@code DatabaseErrorException} (400) naming the parameter</td></tr>
 *   <tr><td>multi-statement SQL</td><td>{@code ValidationException} (400), "Multistatements aren't supported.", as
 *       the user guide documents for v2; one trailing {@code ;} is accepted</td></tr>
 *   <tr><td>{@code schema} member</td><td>{@code ValidationException} (400), "The schema parameter isn't
 *       supported", as documented for v2</td></tr>
 *   <tr><td>missing required member, value over a length limit</td><td>{@code ValidationException} (400)</td></tr>
 *   <tr><td>body not JSON, or not the operation's shape</td><td>{@code BadRequestException} (400)</td></tr>
 *   <tr><td>transaction unknown, ended, expired, aborted, or of another cluster</td><td>{@code
 *       TransactionNotFoundException} (404), "Transaction &lt;id&gt; isn't found. &lt;reason&gt;"</td></tr>
 *   <tr><td>call on a transaction that is running another</td><td>{@code DatabaseErrorException} (400),
 *       "Transaction is still running a query", as on v2</td></tr>
 *   <tr><td>two columns with one label under {@code formatRecordsAs=JSON}</td><td>{@code
 *       UnsupportedResultException} (400)</td></tr>
 *   <tr><td>another path, or a method other than POST</td><td>{@code UnknownOperationException} (404)</td></tr>
 * </table>
 * {@code ValidationException}, {@code RequestEntityTooLargeException} and {@code UnknownOperationException} are not
 * in the model; the SDK raises them as a plain {@code RdsDataException} carrying that error code.
 *
 * <h2>Sessions and transactions: what is documented, what is chosen</h2>
 * A call outside a transaction runs on a pooled database connection; a transaction owns one from BeginTransaction
 * until it ends. Before a connection serves anything else it is reset ({@code COM_RESET_CONNECTION}): named locks,
 * user variables, temporary tables, {@code autocommit} and other session settings never outlive the call or
 * transaction that made them. The service documents the same: it pools connections and resets each before reuse, on
 * MySQL "equivalent to {@code COM_RESET_CONNECTION}" (Aurora user guide, "Session management with Amazon RDS Data
 * API").
 * <table>
 *   <caption>Transactions</caption>
 *   <tr><th>situation</th><th>the emulator</th><th>the service</th></tr>
 *   <tr><td>DDL inside a transaction</td><td>MySQL commits what the transaction did before it</td><td>documented:
 *       "For Aurora MySQL, DDL statements inside a transaction cause an implicit commit" (BeginTransaction)</td></tr>
 *   <tr><td>the transaction id after that DDL</td><td>still usable, on the same session; later work is a new MySQL
 *       transaction that CommitTransaction commits and RollbackTransaction undoes</td><td>not documented</td></tr>
 *   <tr><td>{@code COMMIT}, {@code ROLLBACK}, {@code START TRANSACTION}, {@code SET autocommit} sent as SQL inside a
 *       transaction</td><td>passed to MySQL, which acts on them; the Data API transaction and its session go on until
 *       CommitTransaction, RollbackTransaction or expiry</td><td>not documented</td></tr>
 *   <tr><td>every call of one transaction</td><td>the same database session (so {@code GET_LOCK} and user variables
 *       hold across its calls)</td><td>implied (a SQL transaction lives in one session), not stated</td></tr>
 *   <tr><td>BeginTransaction</td><td>turns autocommit off on its session ({@code setAutoCommit(false)})</td><td>not
 *       documented (it may send {@code START TRANSACTION} instead)</td></tr>
 *   <tr><td>a statement past the 45 s timeout</td><td>{@code StatementTimeoutException}; cancelled, unless
 *       {@code continueAfterTimeout}, when it runs on and its transaction answers "Transaction is still running a
 *       query" until it ends</td><td>documented, except what a transaction does meanwhile</td></tr>
 * </table>
 * ImplicitCommitIT and TransactionIT hold the emulator to the rows above. What the service does in the undocumented
 * rows is unknown: code that must run against the real service should not depend on them. To check that it does not,
 * {@code DataApiEmulator.builder().implicitCommitEndsTransaction(true)} takes the opposite reading: a statement that
 * ends MySQL's transaction ({@code sql.ImplicitCommits}) also ends the Data API transaction, and later calls naming
 * it get {@code TransactionNotFoundException} "... One previous call resulted in a termination of your transaction."
 *
 * <h2>Auto-pause (opt-in)</h2>
 * {@code DataApiEmulator.builder().autoPause(new AutoPause(idle, resume))}, or {@code --auto-pause-after 300s
 * --resume-takes 15s} on the {@code data-api} and {@code serve} commands, simulates an Aurora Serverless v2 instance at
 * 0 ACU: after {@code idle} with no call running and no transaction open, the next call starts a resume, and every call
 * answers {@code DatabaseResumingException} (400), "The Aurora DB instance db-&lt;id&gt; is resuming after being
 * auto-paused. Please wait a few seconds and try again.", until {@code resume} has passed since that first call. The
 * type and status are the service model's; the message is the one users report (the docs only say "Wait a few seconds
 * and try again"). A call answered with an injected fault does not reach the instance. See {@code PausableInstance}.
 *
 * <h2>Values</h2>
 * See {@code sql.ColumnKind} for how each MySQL type comes back, {@code sql.FormattedRecords} for the JSON format,
 * {@code sql.BoundParameters} for parameters and their type hints, and {@code sql.NamedParameterSql} for how
 * placeholders and statement ends are found.
 */
package dev.ec2inventory.local.dataapi;
