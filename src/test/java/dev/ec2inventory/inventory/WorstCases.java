package dev.ec2inventory.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The largest instances the inventory accepts, for the tests of its size limits. */
final class WorstCases {

    private WorstCases() {
    }

    /** Every text at its length limit, in 4-byte characters starting at {@code firstCodePoint}. */
    static Ec2Instance instance(int firstCodePoint) {
        List<InstalledPackage> packages = new ArrayList<>();
        for (int i = 0; i < InventoryLimits.PACKAGES_PER_INSTANCE; i++) {
            String distinct = Character.toString(0x1F000 + i);
            String name = distinct + Character.toString(firstCodePoint).repeat(InventoryLimits.PACKAGE_NAME_LENGTH - 1);
            packages.add(new InstalledPackage(name, distinct.repeat(InventoryLimits.PACKAGE_VERSION_LENGTH)));
        }
        String letter = Character.toString(firstCodePoint);
        return new Ec2Instance(letter.repeat(InventoryLimits.AWS_INSTANCE_ID_LENGTH),
                letter.repeat(InventoryLimits.AWS_REGION_LENGTH), letter.repeat(InventoryLimits.AWS_ACCOUNT_LENGTH),
                packages.stream().sorted(Comparator.comparing(InstalledPackage::packageName,
                        InventoryRepository::compareCodePoints)).toList());
    }
}
