package dev.ec2inventory.migration;

import java.time.Duration;
import java.util.List;

/**
 * Too little time was left to begin the next migration: the run stopped between two migrations, so Flyway's history
 * says exactly what was applied, and the next run goes on from there.
 */
public final class MigrationOutOfTimeException extends RuntimeException {

    MigrationOutOfTimeException(String nextScript, Duration left, List<String> applied) {
        super("stopped before " + nextScript + " with " + left.toSeconds() + " s left of the function's time (at least "
                + SchemaMigration.RESERVE.toSeconds() + " s are kept for one migration); "
                + (applied.isEmpty() ? "nothing was applied" : "applied " + applied.stream()
                        .map(SchemaMigration::fileName).toList())
                + ". Deploy again, or run deploy_scripts/migrate.sh, to apply the rest.");
    }
}
