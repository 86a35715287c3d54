package dev.ec2inventory.api;

import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.InvalidFieldException;
import dev.ec2inventory.inventory.InventoryLimits;
import java.util.ArrayList;
import java.util.List;

/** The {@code packages} array of POST and PUT, checked item by item; a refusal names the item's JSON path. */
final class PackageListJson {

    private PackageListJson() {
    }

    static List<InstalledPackage> packages(List<PackageJson> listed) {
        if (listed.size() > InventoryLimits.PACKAGES_PER_INSTANCE) {
            throw new BadRequestException("packages must have at most " + InventoryLimits.PACKAGES_PER_INSTANCE
                    + " items", listed.size() + " packages");
        }
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
