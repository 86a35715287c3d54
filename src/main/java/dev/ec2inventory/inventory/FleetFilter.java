package dev.ec2inventory.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which instances a fleet listing holds: all of them, or those of an account, a region, with a package (at a version).
 * Each filter is checked as the stored value is, so a filter that could never match is refused, naming itself.
 */
public record FleetFilter(Optional<String> awsAccount, Optional<String> awsRegion, Optional<String> packageName,
        Optional<String> packageVersion) {

    public static final FleetFilter NONE = new FleetFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public FleetFilter {
        awsAccount.ifPresent(value -> TextRules.requireText("aws_account", value,
                InventoryLimits.AWS_ACCOUNT_LENGTH));
        awsRegion.ifPresent(value -> TextRules.requireText("aws_region", value,
                InventoryLimits.AWS_REGION_LENGTH));
        packageName.ifPresent(value -> TextRules.requireText("package_name", value,
                InventoryLimits.PACKAGE_NAME_LENGTH));
        packageVersion.ifPresent(value -> TextRules.requireText("package_version", value,
                InventoryLimits.PACKAGE_VERSION_LENGTH));
        if (packageVersion.isPresent() && packageName.isEmpty()) {
            throw new InvalidFieldException("package_version", "needs package_name: a version belongs to a package");
        }
    }

    /**
     * The filters as one unambiguous byte string: each one present or absent, and its length before its text, so
     * that no two filters share it. A page token carries a hash of it.
     */
    byte[] canonicalBytes() {
        StringBuilder canonical = new StringBuilder();
        Stream.of(awsAccount, awsRegion, packageName, packageVersion).forEach(filter -> canonical.append(filter
                .map(value -> "+" + value.length() + ":" + value)
                .orElse("-")));
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }
}
