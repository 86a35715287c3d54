package dev.ec2inventory.api;

import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.InvalidFieldException;
import dev.ec2inventory.inventory.InventoryLimits;
import java.util.ArrayList;
import java.util.List;

/** {@code {"package_name": "...", "package_version": "..."}}, in requests and responses alike. */
record PackageJson(String packageName, String packageVersion) {

    static List<PackageJson> of(Ec2Instance instance) {
        return instance.packages().stream()
                .map(installed -> new PackageJson(installed.packageName(), installed.packageVersion()))
                .toList();
    }

    /** The {@code packages} array of POST and PUT, checked item by item; a refusal names the item's JSON path. */
    static List<InstalledPackage> installed(List<PackageJson> listed) {
        InventoryLimits.requirePackageCount(listed.size());
        List<InstalledPackage> packages = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            PackageJson item = listed.get(i);
            String path = "packages[" + i + "]";
            if (item == null) {
                throw new BadRequestException(path + " must be an object");
            }
            try {
                packages.add(new InstalledPackage(item.packageName(), item.packageVersion()));
            } catch (InvalidFieldException invalid) {
                throw invalid.under(path + ".");
            }
        }
        return packages;
    }
}
