package dev.ec2inventory.inventory;

/** A package at one version, as installed on an instance. */
public record InstalledPackage(String packageName, String packageVersion) {

    public InstalledPackage {
        InvalidFieldException.requireText("package_name", packageName, InventoryLimits.PACKAGE_NAME_LENGTH);
        InvalidFieldException.requireText("package_version", packageVersion, InventoryLimits.PACKAGE_VERSION_LENGTH);
    }
}
