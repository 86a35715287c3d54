package dev.ec2inventory.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

/** A fleet listing's filters, each checked as its stored value is: one that could never match is refused. */
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

    /** Each filter's length before its text, so that no two filter sets share the bytes a page token hashes. */
    byte[] canonicalBytes() {
        StringBuilder canonical = new StringBuilder();
        Stream.of(awsAccount, awsRegion, packageName, packageVersion).forEach(filter -> canonical.append(filter
                .map(value -> "+" + value.length() + ":" + value)
                .orElse("-")));
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }
}
