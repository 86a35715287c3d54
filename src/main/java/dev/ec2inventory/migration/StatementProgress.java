package dev.ec2inventory.migration;

import java.util.Optional;
import java.util.function.Consumer;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Announces each migration, and counts the statements of the current one that completed, so that a failure can say
 * how much of its migration had been applied: MySQL commits DDL as it runs, so those statements stay.
 */
final class StatementProgress extends BaseCallback {

    private final Consumer<String> progress;
    private String currentScript;
    private int statementsDone;

    StatementProgress(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_STATEMENT
                || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        switch (event) {
            case BEFORE_EACH_MIGRATE -> {
                MigrationInfo migration = context.getMigrationInfo();
                currentScript = migration.getScript();
                statementsDone = 0;
                progress.accept("applying " + currentScript + " (" + migration.getDescription() + ")");
            }
            case AFTER_EACH_MIGRATE_STATEMENT -> statementsDone++;
            case AFTER_EACH_MIGRATE -> currentScript = null;
            default -> { }
        }
    }

    /** When a migration was under way: which, and how many of its statements had completed. */
    Optional<PartialMigration> describeFailure() {
        return Optional.ofNullable(currentScript).map(script -> new PartialMigration(script, statementsDone));
    }

    /** Carried as a suppressed exception of the failure, so that the reason can name it. */
    static final class PartialMigration extends RuntimeException {

        private final String script;
        private final int statementsDone;

        PartialMigration(String script, int statementsDone) {
            super(script + " failed after " + statementsDone + (statementsDone == 1 ? " statement" : " statements")
                    + " of it had been applied and committed; Flyway's history marks it failed", null, false, false);
            this.script = script;
            this.statementsDone = statementsDone;
        }

        String script() {
            return script;
        }

        int statementsDone() {
            return statementsDone;
        }
    }
}
