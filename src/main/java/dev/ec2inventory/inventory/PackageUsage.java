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

    /**
     * The most versions one answer lists. Each row of the result is a version (at most 50 characters, 200 bytes in
     * 4-byte characters) and a count (8 bytes): 4,000 of them are at most 832,000 bytes, within the Data API's 1 MiB
     * response limit whatever the versions hold.
     */
    public static final int MAX_VERSIONS = 4_000;

    /** One version and how many instances have it. */
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
