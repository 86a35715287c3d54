package dev.ec2inventory.inventory;

import static dev.ec2inventory.inventory.schema.Tables.EC2;
import static dev.ec2inventory.inventory.schema.Tables.EC2_PACKAGE;
import static dev.ec2inventory.inventory.schema.Tables.PACKAGE;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Query;
import org.jooq.Record6;
import org.jooq.ResultQuery;

/** Every statement the inventory runs, built with jOOQ's typed DSL from the generated schema classes. */
final class InventoryQueries {

    private InventoryQueries() {
    }

    static Query insertInstance(Ec2Instance instance, LocalDateTime creationDateUtc) {
        return insertInto(EC2, EC2.AWS_INSTANCE_ID, EC2.AWS_REGION, EC2.AWS_ACCOUNT, EC2.CREATION_DATE_UTC)
                .values(instance.awsInstanceId(), instance.awsRegion(), instance.awsAccount(), creationDateUtc);
    }

    /** Packages are shared by all instances: the ones already known stay as they are. */
    static Query insertPackagesIgnoringKnown(List<InstalledPackage> packages) {
        return insertInto(PACKAGE, PACKAGE.PACKAGE_NAME, PACKAGE.PACKAGE_VERSION)
                .valuesOfRows(packages.stream().map(p -> row(p.packageName(), p.packageVersion())).toList())
                .onDuplicateKeyIgnore();
    }

    /**
     * Links an instance to its packages. The keys compare in the database's collation, which may equate what Java
     * does not ("PyYAML" and "pyyaml" under a case-insensitive one): such a second spelling is the same package.
     */
    static Query insertInstalledPackages(String awsInstanceId, List<InstalledPackage> packages) {
        return insertInto(EC2_PACKAGE, EC2_PACKAGE.AWS_INSTANCE_ID, EC2_PACKAGE.PACKAGE_NAME,
                EC2_PACKAGE.PACKAGE_VERSION)
                .valuesOfRows(packages.stream()
                        .map(p -> row(awsInstanceId, p.packageName(), p.packageVersion()))
                        .toList())
                .onDuplicateKeyIgnore();
    }

    /**
     * The instance with one row per package (one row with null package columns when it has none), in the order of
     * {@code ec2_package}'s primary key, so the database sorts nothing.
     */
    static ResultQuery<Record6<String, String, String, LocalDateTime, String, String>> selectInstanceWithPackages(
            String awsInstanceId) {
        return select(EC2.AWS_INSTANCE_ID, EC2.AWS_REGION, EC2.AWS_ACCOUNT, EC2.CREATION_DATE_UTC,
                EC2_PACKAGE.PACKAGE_NAME, EC2_PACKAGE.PACKAGE_VERSION)
                .from(EC2)
                .leftJoin(EC2_PACKAGE).on(EC2_PACKAGE.AWS_INSTANCE_ID.eq(EC2.AWS_INSTANCE_ID))
                .where(EC2.AWS_INSTANCE_ID.eq(awsInstanceId))
                .orderBy(EC2_PACKAGE.PACKAGE_NAME, EC2_PACKAGE.PACKAGE_VERSION);
    }
}
