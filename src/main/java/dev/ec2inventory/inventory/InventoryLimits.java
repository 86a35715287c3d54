package dev.ec2inventory.inventory;

import static dev.ec2inventory.inventory.schema.Tables.EC2;
import static dev.ec2inventory.inventory.schema.Tables.PACKAGE;

import org.jooq.Field;

/**
 * How much the inventory stores. Text lengths are read from the classes jOOQ generates from the Flyway migration, so
 * the schema stays their only source.
 */
public final class InventoryLimits {

    public static final int AWS_INSTANCE_ID_LENGTH = lengthOf(EC2.AWS_INSTANCE_ID);
    public static final int AWS_REGION_LENGTH = lengthOf(EC2.AWS_REGION);
    public static final int AWS_ACCOUNT_LENGTH = lengthOf(EC2.AWS_ACCOUNT);
    public static final int PACKAGE_NAME_LENGTH = lengthOf(PACKAGE.PACKAGE_NAME);
    public static final int PACKAGE_VERSION_LENGTH = lengthOf(PACKAGE.PACKAGE_VERSION);

    /**
     * The most packages one instance may register. GET reads an instance and its packages in one statement, and the
     * Data API refuses responses over 1 MiB: the instance's columns come once and each package row carries only its
     * name and version, so a thousand packages with every value at its longest in 4-byte characters make 0.6 MB of
     * result (the worst case any POST can store; InventoryRepositoryIT reads it back). It also keeps each of POST's
     * two multi-row INSERTs within one call (17 and 31 KB of SQL for a thousand rows, against the 64 KiB limit; at
     * most 2 MB of request in 4-byte characters, against 4 MiB), so POST stays at five calls.
     */
    public static final int PACKAGES_PER_INSTANCE = 1_000;

    private InventoryLimits() {
    }

    /** Refuses more than {@link #PACKAGES_PER_INSTANCE} packages, naming the field as the request does. */
    public static void requirePackageCount(int count) {
        if (count > PACKAGES_PER_INSTANCE) {
            throw new InvalidFieldException("packages", "must have at most " + PACKAGES_PER_INSTANCE + " items");
        }
    }

    private static int lengthOf(Field<String> column) {
        return column.getDataType().length();
    }
}
