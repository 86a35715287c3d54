package dev.ec2inventory.api;

import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.FleetFilter;
import dev.ec2inventory.inventory.FleetPage;
import dev.ec2inventory.inventory.FleetQuery;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.InstanceAlreadyExistsException;
import dev.ec2inventory.inventory.InstanceNotFoundException;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryEntry;
import dev.ec2inventory.inventory.PackageUsage;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The inventory's contract without a database, for handler unit tests; it can be told to fail. */
final class InMemoryInventory implements Inventory {

    static final LocalDateTime CREATED = LocalDateTime.of(2019, 3, 6, 2, 45, 32);

    private static final Comparator<InstalledPackage> PACKAGE_ORDER =
            Comparator.comparing(InstalledPackage::packageName).thenComparing(InstalledPackage::packageVersion);

    final Map<String, InventoryEntry> entries = new LinkedHashMap<>();
    private Supplier<RuntimeException> failure;

    InMemoryInventory failingWith(Supplier<RuntimeException> nextFailures) {
        this.failure = nextFailures;
        return this;
    }

    InMemoryInventory with(Ec2Instance instance) {
        entries.put(instance.awsInstanceId(), new InventoryEntry(instance, CREATED));
        return this;
    }

    @Override
    public void add(Ec2Instance instance) {
        failIfTold();
        if (entries.containsKey(instance.awsInstanceId())) {
            throw new InstanceAlreadyExistsException(instance.awsInstanceId());
        }
        entries.put(instance.awsInstanceId(), new InventoryEntry(instance, CREATED));
    }

    @Override
    public Optional<InventoryEntry> find(String awsInstanceId) {
        failIfTold();
        return Optional.ofNullable(entries.get(awsInstanceId));
    }

    @Override
    public boolean delete(String awsInstanceId) {
        failIfTold();
        return entries.remove(awsInstanceId) != null;
    }

    @Override
    public InventoryEntry replacePackages(String awsInstanceId, List<InstalledPackage> packages) {
        failIfTold();
        InventoryEntry stored = entries.get(awsInstanceId);
        if (stored == null) {
            throw new InstanceNotFoundException(awsInstanceId);
        }
        Ec2Instance instance = stored.ec2Instance();
        InventoryEntry replaced = new InventoryEntry(new Ec2Instance(awsInstanceId, instance.awsRegion(),
                instance.awsAccount(), packages.stream().sorted(PACKAGE_ORDER).distinct().toList()), CREATED);
        entries.put(awsInstanceId, replaced);
        return replaced;
    }

    /** Filters and pages as the repository does; ids here are ASCII, where code-point and String order agree. */
    @Override
    public FleetPage list(FleetQuery query) {
        failIfTold();
        FleetFilter filter = query.filter();
        List<InventoryEntry> selected = entries.values().stream()
                .filter(entry -> query.afterInstanceId().map(after -> entry.ec2Instance().awsInstanceId()
                        .compareTo(after) > 0).orElse(true))
                .filter(entry -> filter.awsAccount().map(entry.ec2Instance().awsAccount()::equals).orElse(true))
                .filter(entry -> filter.awsRegion().map(entry.ec2Instance().awsRegion()::equals).orElse(true))
                .filter(entry -> filter.packageName().map(name -> entry.ec2Instance().packages().stream()
                        .anyMatch(p -> p.packageName().equals(name) && filter.packageVersion()
                                .map(p.packageVersion()::equals).orElse(true))).orElse(true))
                .sorted(Comparator.comparing(entry -> entry.ec2Instance().awsInstanceId()))
                .toList();
        List<InventoryEntry> page = selected.subList(0, Math.min(query.limit(), selected.size()));
        return new FleetPage(page, selected.size() > page.size()
                ? Optional.of(query.tokenAfter(page.get(page.size() - 1).ec2Instance().awsInstanceId()))
                : Optional.empty());
    }

    @Override
    public PackageUsage packageUsage(String packageName) {
        failIfTold();
        Map<String, Long> counts = new TreeMap<>();
        entries.values().forEach(entry -> entry.ec2Instance().packages().stream()
                .filter(p -> p.packageName().equals(packageName))
                .forEach(p -> counts.merge(p.packageVersion(), 1L, Long::sum)));
        return new PackageUsage(packageName, counts.entrySet().stream()
                .map(count -> new PackageUsage.VersionUsage(count.getKey(), count.getValue())).toList(), false);
    }

    private void failIfTold() {
        if (failure != null) {
            throw failure.get();
        }
    }
}
