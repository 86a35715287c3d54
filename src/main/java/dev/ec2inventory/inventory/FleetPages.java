package dev.ec2inventory.inventory;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Record2;
import org.jooq.Record8;
import org.jooq.Result;

/** Turns the rows of {@link FleetQueries} into domain values. */
final class FleetPages {

    private FleetPages() {
    }

    /**
     * Each instance row starts a record; the package rows after it are its packages. Fewer instances than candidates
     * means the page was cut (by its limit or byte budget) and the next starts after its last instance.
     */
    static FleetPage of(FleetQuery query,
            Result<Record8<Integer, String, String, String, LocalDateTime, Integer, String, String>> rows) {
        List<InventoryEntry> records = new ArrayList<>();
        Record8<Integer, String, String, String, LocalDateTime, Integer, String, String> instance = null;
        List<InstalledPackage> packages = new ArrayList<>();
        int candidates = 0;
        for (Record8<Integer, String, String, String, LocalDateTime, Integer, String, String> row : rows) {
            if (row.value2() == null) {
                packages.add(new InstalledPackage(row.value7(), row.value8()));
                continue;
            }
            if (instance != null) {
                records.add(entry(instance, packages));
            }
            instance = row;
            packages = new ArrayList<>();
            candidates = row.value6();
        }
        if (instance != null) {
            records.add(entry(instance, packages));
        }
        Optional<String> nextToken = candidates > records.size()
                ? Optional.of(query.tokenAfter(records.get(records.size() - 1).ec2Instance().awsInstanceId()))
                : Optional.empty();
        return new FleetPage(records, nextToken);
    }

    static PackageUsage usage(String packageName, Result<Record2<String, Integer>> rows) {
        List<PackageUsage.VersionUsage> versions = rows.stream()
                .limit(PackageUsage.MAX_VERSIONS)
                .map(row -> new PackageUsage.VersionUsage(row.value1(), row.value2()))
                .toList();
        return new PackageUsage(packageName, versions, rows.size() > PackageUsage.MAX_VERSIONS);
    }

    private static InventoryEntry entry(
            Record8<Integer, String, String, String, LocalDateTime, Integer, String, String> instance,
            List<InstalledPackage> packages) {
        return new InventoryEntry(new Ec2Instance(instance.value2(), instance.value3(), instance.value4(), packages),
                instance.value5());
    }
}
