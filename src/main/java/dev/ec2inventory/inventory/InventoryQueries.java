package dev.ec2inventory.inventory;

import static dev.ec2inventory.inventory.schema.Tables.EC2;
import static dev.ec2inventory.inventory.schema.Tables.EC2_PACKAGE;
import static dev.ec2inventory.inventory.schema.Tables.PACKAGE;
import static org.jooq.impl.DSL.deleteFrom;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import dev.ec2inventory.dataapi.jooq.StatementTemplate;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Record6;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;

/**
 * Every statement the inventory runs on one instance, built with jOOQ's typed DSL from the generated schema classes.
 * Those whose SQL is the same for every call are templates, rendered once; the multi-row INSERTs are built per call.
 */
final class InventoryQueries {

    static final StatementTemplate<InventoryEntry, Query> INSERT_INSTANCE = StatementTemplate.of(entry ->
            insertInto(EC2, EC2.AWS_INSTANCE_ID, EC2.AWS_REGION, EC2.AWS_ACCOUNT, EC2.CREATION_DATE_UTC)
                    .values(entry.slot(EC2.AWS_INSTANCE_ID, e -> e.ec2Instance().awsInstanceId()),
                            entry.slot(EC2.AWS_REGION, e -> e.ec2Instance().awsRegion()),
                            entry.slot(EC2.AWS_ACCOUNT, e -> e.ec2Instance().awsAccount()),
                            entry.slot(EC2.CREATION_DATE_UTC, InventoryEntry::creationDateUtc)));

    /**
     * The instance's columns come once, then rows of package columns only, so any record POST accepts fits the 1 MiB
     * response. NULL sorts first: the instance row leads.
     */
    static final StatementTemplate<String, ResultQuery<Record6<String, String, String, LocalDateTime, String, String>>>
            SELECT_INSTANCE_WITH_PACKAGES = StatementTemplate.of(EC2.AWS_INSTANCE_ID.getDataType(), id -> {
                Field<String> packageName = field(EC2_PACKAGE.PACKAGE_NAME.getUnqualifiedName(), String.class);
                Field<String> packageVersion = field(EC2_PACKAGE.PACKAGE_VERSION.getUnqualifiedName(), String.class);
                return select(EC2.AWS_INSTANCE_ID, EC2.AWS_REGION, EC2.AWS_ACCOUNT, EC2.CREATION_DATE_UTC,
                        inline(null, EC2_PACKAGE.PACKAGE_NAME).as(packageName),
                        inline(null, EC2_PACKAGE.PACKAGE_VERSION).as(packageVersion))
                        .from(EC2)
                        .where(EC2.AWS_INSTANCE_ID.eq(id))
                        .unionAll(select(inline(null, EC2.AWS_INSTANCE_ID), inline(null, EC2.AWS_REGION),
                                inline(null, EC2.AWS_ACCOUNT), inline(null, EC2.CREATION_DATE_UTC),
                                EC2_PACKAGE.PACKAGE_NAME, EC2_PACKAGE.PACKAGE_VERSION)
                                .from(EC2_PACKAGE)
                                .where(EC2_PACKAGE.AWS_INSTANCE_ID.eq(id)))
                        .orderBy(packageName, packageVersion);
            });

    /** Its links go with it (ON DELETE CASCADE); its packages stay in the catalogue. */
    static final StatementTemplate<String, Query> DELETE_INSTANCE = StatementTemplate.of(
            EC2.AWS_INSTANCE_ID.getDataType(), id -> deleteFrom(EC2).where(EC2.AWS_INSTANCE_ID.eq(id)));

    /**
     * Locked until the transaction ends: a concurrent DELETE or PUT of the instance waits, so the links written next
     * always belong to a stored instance.
     */
    static final StatementTemplate<String, ResultQuery<Record3<String, String, LocalDateTime>>>
            SELECT_INSTANCE_FOR_UPDATE = StatementTemplate.of(EC2.AWS_INSTANCE_ID.getDataType(), id ->
                    select(EC2.AWS_REGION, EC2.AWS_ACCOUNT, EC2.CREATION_DATE_UTC)
                            .from(EC2)
                            .where(EC2.AWS_INSTANCE_ID.eq(id))
                            .forUpdate());

    static final StatementTemplate<String, Query> DELETE_INSTALLED_PACKAGES = StatementTemplate.of(
            EC2_PACKAGE.AWS_INSTANCE_ID.getDataType(),
            id -> deleteFrom(EC2_PACKAGE).where(EC2_PACKAGE.AWS_INSTANCE_ID.eq(id)));

    private InventoryQueries() {
    }

    /** Packages are shared by all instances: the ones already known stay as they are. */
    static Query insertPackagesIgnoringKnown(List<InstalledPackage> packages) {
        return insertInto(PACKAGE, PACKAGE.PACKAGE_NAME, PACKAGE.PACKAGE_VERSION)
                .valuesOfRows(packages.stream().map(p -> row(p.packageName(), p.packageVersion())).toList())
                .onDuplicateKeyIgnore();
    }

    /**
     * Names the instance once, not per row, which at the longest ids would take a full list past the request limit.
     * A plain INSERT: should a duplicate link ever occur, the write fails rather than report what it did not store.
     */
    static Query insertInstalledPackages(String awsInstanceId, List<InstalledPackage> packages) {
        Field<String> name = field(EC2_PACKAGE.PACKAGE_NAME.getUnqualifiedName(), String.class);
        Field<String> version = field(EC2_PACKAGE.PACKAGE_VERSION.getUnqualifiedName(), String.class);
        // The first row names the derived table's columns; the others need no names (and 64 KiB of SQL is scarce).
        InstalledPackage first = packages.get(0);
        Select<Record2<String, String>> rows = select(val(first.packageName()).as(name),
                val(first.packageVersion()).as(version));
        for (InstalledPackage p : packages.subList(1, packages.size())) {
            rows = rows.unionAll(select(val(p.packageName()), val(p.packageVersion())));
        }
        Table<Record2<String, String>> listed = rows.asTable("listed");
        return insertInto(EC2_PACKAGE, EC2_PACKAGE.AWS_INSTANCE_ID, EC2_PACKAGE.PACKAGE_NAME,
                EC2_PACKAGE.PACKAGE_VERSION)
                .select(select(val(awsInstanceId), listed.field(name), listed.field(version)).from(listed));
    }
}
