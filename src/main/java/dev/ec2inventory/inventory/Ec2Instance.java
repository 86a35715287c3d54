package dev.ec2inventory.inventory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** An EC2 instance and its packages; a package listed twice is kept once, at its first place. */
public record Ec2Instance(String awsInstanceId, String awsRegion, String awsAccount, List<InstalledPackage> packages) {

    public Ec2Instance {
        requireValidInstanceId(awsInstanceId);
        TextRules.requireText("aws_region", awsRegion, InventoryLimits.AWS_REGION_LENGTH);
        TextRules.requireText("aws_account", awsAccount, InventoryLimits.AWS_ACCOUNT_LENGTH);
        Objects.requireNonNull(packages, "packages");
        packages = List.copyOf(new LinkedHashSet<>(packages));
    }

    /** The id itself, when it could name a stored instance; otherwise an {@link InvalidFieldException}. */
    public static String requireValidInstanceId(String awsInstanceId) {
        return TextRules.requireText("aws_instance_id", awsInstanceId,
                InventoryLimits.AWS_INSTANCE_ID_LENGTH);
    }
}
