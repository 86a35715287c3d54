package dev.ec2inventory.api;

import dev.ec2inventory.inventory.InstalledPackage;

/** {@code {"package_name": "...", "package_version": "..."}}, in requests and responses alike. */
record PackageJson(String packageName, String packageVersion) {

    static PackageJson of(InstalledPackage installed) {
        return new PackageJson(installed.packageName(), installed.packageVersion());
    }
}
