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
 *       applied.</li>
 * </ul>
 *
 * <h2>Resuming after a failure</h2>
 * What makes a rerun complete the schema, whichever Data API call failed (MigrationFaultsIT fails each one in turn):
 * <ul>
 *   <li><b>A call with no answer is sent again when that is harmless</b> ({@code MigrationDataSource}): reads,
 *       {@code SET}, and Flyway's writes of its own history, which a second time either do the same or meet what
 *       the first made (the row's primary key, the table, the index). So a fault while Flyway records a migration
 *       does not leave it applied but unrecorded. A migration's own statements are never sent again by this.</li>
 *   <li><b>A failed migration of an unchanged script is resumed</b> ({@code FailedMigration}). When the latest row
 *       of the history is a failed migration whose checksum equals its packaged script's, and every earlier row is
 *       a success with an unchanged script, the run removes the failed row (Flyway {@code repair}, which then has
 *       nothing else to change) and applies that script again in which a DDL statement refused because its effect
 *       is there already (MySQL/MariaDB 1050, 1060, 1061, 1091, 1826, MariaDB's 1005 with errno 121) is taken as
 *       applied. The log says "resuming ..." and names each statement so taken. A statement failing for any other
 *       reason fails the migration again, recorded as failed as before. Our migrations are written so that running
 *       one again from its first statement is safe: V1 only creates, and V2 drops its foreign keys, converts
 *       columns (the same result twice), inserts only what is missing, and adds the keys back.</li>
 *   <li><b>An edited script is not resumed.</b> Its checksum differs from the failed row's: Flyway's validation
 *       fails the run ("Detected failed migration to version N") until someone finishes or undoes the statements
 *       that ran and runs Flyway {@code repair}. The same holds for an edited script that was applied.</li>
 *   <li><b>What this trusts.</b> "Exists" is judged by name, not by shape: a table or index of the same name made
 *       by hand would be taken as the migration's. Resuming happens only when the history says this very script
 *       failed in this database, so what its statements meet was, barring hands on the schema, made by their earlier
 *       run.</li>
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
 *       then recorded as failed: loud, never silent. The run after that resumes it (above). It takes two runs,
 *       not one, on purpose: a migration with no row at all whose first statement meets an existing object may as
 *       well meet something made by hand, and only the failed row says that this script ran here.</li>
 *   <li>A statement past the Data API's 45 s call timeout goes on running in the database
 *       ({@code continueAfterTimeout}); the call fails, so Flyway records that migration as failed. Wait for the
 *       statement to finish, then deploy again: the run resumes the migration, taking that statement as applied when
 *       its effect is there.</li>
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
