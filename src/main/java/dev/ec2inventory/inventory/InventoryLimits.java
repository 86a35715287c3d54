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
     * With every value at its longest, GET's one statement stays within the Data API's 1 MiB response, and each of
     * POST's multi-row INSERTs within one call's 64 KiB of SQL. InventoryRepositoryIT stores the worst case.
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
