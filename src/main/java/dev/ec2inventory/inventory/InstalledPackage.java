package dev.ec2inventory.inventory;

/** A package at one version, as installed on an instance. */
public record InstalledPackage(String packageName, String packageVersion) {

    public InstalledPackage {
        requireValidName(packageName);
        TextRules.requireText("package_version", packageVersion, InventoryLimits.PACKAGE_VERSION_LENGTH);
    }

    /** The name itself, when it could name a stored package; otherwise an {@link InvalidFieldException}. */
    public static String requireValidName(String packageName) {
        return TextRules.requireText("package_name", packageName, InventoryLimits.PACKAGE_NAME_LENGTH);
    }
}
