package dev.ec2inventory.inventory;

import java.util.List;
import java.util.Objects;

/**
 * The versions of one package the inventory knows, in code-point order, each with the number of instances that have
 * it (0 for a version no instance has any more: packages stay as catalogue entries).
 *
 * @param truncated whether versions after the first {@link #MAX_VERSIONS} were left out
 */
public record PackageUsage(String packageName, List<VersionUsage> versions, boolean truncated) {

    /** The most versions one answer lists: as many as fit the Data API's 1 MiB response at the longest versions. */
    public static final int MAX_VERSIONS = 4_000;

    public record VersionUsage(String packageVersion, long instanceCount) {

        public VersionUsage {
            Objects.requireNonNull(packageVersion, "packageVersion");
        }
    }

    public PackageUsage {
        Objects.requireNonNull(packageName, "packageName");
        versions = List.copyOf(versions);
    }
}
