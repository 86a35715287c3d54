package dev.ec2inventory.migration;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Which failed migration a run may resume: the latest one in Flyway's history, when it is recorded as failed and its
 * packaged script is the one that failed (same checksum), and when every migration before it is recorded as
 * succeeded with its script unchanged. Flyway {@code repair} then changes nothing but that failed row; an edited
 * script anywhere is left to Flyway's validation, which fails the run.
 */
final class FailedMigration {

    private FailedMigration() {
    }

    static Optional<MigrationInfo> resumable(MigrationInfoService info) {
        List<MigrationInfo> applied = Arrays.stream(info.applied())
                .sorted(Comparator.comparing(MigrationInfo::getInstalledRank)).toList();
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        MigrationInfo latest = applied.get(applied.size() - 1);
        boolean sameScript = latest.getState() == MigrationState.FAILED && latest.getVersion() != null
                && latest.getResolvedChecksum() != null
                && Objects.equals(latest.getResolvedChecksum(), latest.getAppliedChecksum());
        boolean earlierUnchanged = applied.subList(0, applied.size() - 1).stream()
                .allMatch(earlier -> earlier.getState() == MigrationState.SUCCESS && earlier.isChecksumMatching());
        return sameScript && earlierUnchanged ? Optional.of(latest) : Optional.empty();
    }
}
