/**
 * The schema-migration custom resource ({@code InventorySchema} in template.yaml): {@code sam deploy} runs Flyway
 * {@code migrate} inside AWS, through the Data API, before the API functions' new code serves.
 *
 * <h2>How Flyway reaches the database: one auto-committed call per statement</h2>
 * The migration uses the driver's {@link dev.ec2inventory.dataapi.jdbc.SessionMode#CALL_PER_STATEMENT} connections:
 * every statement Flyway sends is one ExecuteStatement with no transaction, committed when it returns, and run with
 * {@code continueAfterTimeout}. That is what AWS documents, and recommends for MySQL DDL ("run each MySQL DDL
 * statement in a separate ExecuteStatement call with continueAfterTimeout enabled", BeginTransaction reference).
 * The driver's other mode holds one Data API transaction for a whole Flyway session, and so depends on what the
 * service does not document: that a transaction id survives a DDL statement's implicit commit, and that
 * {@code SET autocommit}, {@code COMMIT} and {@code ROLLBACK} sent as SQL inside it neither end it nor are refused.
 * With the emulator's {@code implicitCommitEndsTransaction} reading of the service, that mode fails on the first DDL;
 * this one does not care (the handler tests run under both readings).
 *
 * <h2>What it gives up, and why that is safe here</h2>
 * <ul>
 *   <li><b>Flyway's lock.</b> Flyway's MySQL support serialises runs with a named lock ({@code GET_LOCK}), which
 *       lives in one database session. The service resets a pooled connection after each call outside a transaction
 *       (on MySQL "equivalent to COM_RESET_CONNECTION", which releases named locks), so the lock is released as soon
 *       as Flyway takes it: it serialises nothing. Runs are serialised instead by what starts them. CloudFormation
 *       never runs two operations on one stack at once, so one stack's Create/Update events of
 *       {@code InventorySchema} come one at a time; and the function has a reserved concurrency of 1, so a re-run
 *       through {@code deploy_scripts/migrate.sh} ({@code aws lambda invoke}) during a deployment is refused
 *       (throttled), not run beside it. Two stacks migrating one database would not be serialised: deploy one API
 *       stack per database.</li>
 *   <li><b>Atomic migrations.</b> None are possible on MySQL in any design: each DDL statement commits implicitly.
 *       Each statement of a migration commits as it completes, and Flyway's history records the migration only after
 *       its last statement, as success, or, when a statement fails, as failed ({@code success = 0}; Flyway does so
 *       on every database without transactional DDL). So the history always says what ran, and a half-applied
 *       migration is never silent: the failure's reason names the script and how many of its statements had been
 *       applied, and every later run fails Flyway's validation ("Detected failed migration to version N") until
 *       someone finishes or undoes those statements and runs Flyway {@code repair}.</li>
 * </ul>
 *
 * <h2>Time</h2>
 * <ul>
 *   <li>A paused cluster is waited out: each call retries {@code DatabaseResumingException} for a fifth of the
 *       function's remaining time (20 s to 2 min; {@code ResumeWait}).</li>
 *   <li>Migrations run one at a time, and a new one is begun only with at least a minute left
 *       ({@link dev.ec2inventory.migration.SchemaMigration#RESERVE}), so a run that runs out of time stops between
 *       two migrations and answers FAILED with what it applied; the next run goes on from there.</li>
 *   <li>Should Lambda still stop the function in the middle of a migration (a statement far past its 45 s), no
 *       answer is sent: CloudFormation waits for the resource's {@code ServiceTimeout}, fails the stack operation and
 *       rolls back. The statements that completed stay; that migration has no history row, so the next run runs it
 *       again from its first statement, which fails on the objects that exist ("Table ... already exists"), and is
 *       then recorded as failed: loud, never silent. Finish or undo the half-applied statements, run
 *       {@code repair}, deploy again.</li>
 *   <li>A statement past the Data API's 45 s call timeout goes on running in the database
 *       ({@code continueAfterTimeout}); the call fails, so Flyway records that migration as failed. Wait for the
 *       statement to finish, then {@code repair} and deploy again.</li>
 * </ul>
 *
 * <h2>Rollback</h2>
 * A FAILED answer fails the stack operation, and CloudFormation rolls the functions back; it then sends the old
 * code an Update with the old properties. The old code lacks the failed migration, which Flyway treats as a future
 * one and ignores, so that Update succeeds and changes nothing: a rollback never undoes or retries a migration, and
 * the stack never ends in UPDATE_ROLLBACK_FAILED because of the schema.
 *
 * <h2>Answers</h2>
 * Every outcome is an answer sent to CloudFormation (Powertools' {@code AbstractCustomResourceHandler}): SUCCESS with
 * {@code SchemaVersion} and {@code MigrationsApplied}, or FAILED with Flyway's message as {@code Reason}, every ARN
 * replaced by {@code <arn>}. The physical resource id is the cluster's name and the database, kept across updates.
 * Delete answers SUCCESS and touches nothing: a stack delete never drops data.
 */
package dev.ec2inventory.migration;
