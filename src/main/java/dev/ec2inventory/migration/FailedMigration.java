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
 * The latest migration, when it failed with the script packaged now and every earlier one succeeded unchanged: Flyway
 * {@code repair} then changes only its row. An edited script anywhere is left to Flyway's validation to fail.
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
