package dev.ec2inventory.inventory;

import dev.ec2inventory.dataapi.DataApiSqlException;
import dev.ec2inventory.dataapi.DataApiUnavailableException;
import dev.ec2inventory.dataapi.jooq.DataApiSession;
import dev.ec2inventory.dataapi.jooq.DataApiTransaction;
import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.Record3;
import org.jooq.Record6;
import org.jooq.Result;

/**
 * The inventory in Aurora MySQL, through the Data API; jOOQ records and Data API types stay in here. Each operation
 * takes a fixed number of calls whatever the package count, and a multi-statement write is one transaction.
 */
public final class InventoryRepository implements Inventory {

    /**
     * Transactions that lock package keys in the index's order wait for each other instead of deadlocking. The index
     * compares by code point ({@code utf8mb4_bin}), not in {@link String#compareTo}'s UTF-16 order.
     */
    private static final Comparator<InstalledPackage> KEY_ORDER =
            Comparator.comparing(InstalledPackage::packageName, InventoryRepository::compareCodePoints)
                    .thenComparing(InstalledPackage::packageVersion, InventoryRepository::compareCodePoints);

    private final JooqDataApi dataApi;
    private final Clock clock;

    public InventoryRepository(JooqDataApi dataApi) {
        this(dataApi, Clock.systemUTC());
    }

    InventoryRepository(JooqDataApi dataApi, Clock clock) {
        this.dataApi = dataApi;
        this.clock = clock;
    }

    @Override
    public void add(Ec2Instance instance) {
        // DATETIME keeps whole seconds, and MySQL would round a fraction rather than drop it.
        LocalDateTime creationDateUtc = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        whileAvailable(() -> instance.packages().isEmpty()
                ? insertInstance(dataApi, instance, creationDateUtc)
                : dataApi.transaction(tx -> insertInstanceWithPackages(tx, instance, creationDateUtc)));
    }

    @Override
    public Optional<InventoryEntry> find(String awsInstanceId) {
        Result<Record6<String, String, String, LocalDateTime, String, String>> rows =
                whileAvailable(() -> dataApi.fetch(InventoryQueries.SELECT_INSTANCE_WITH_PACKAGES, awsInstanceId));
        // The instance row is the one with its id set; every other row is a package, in the order the query gives.
        Optional<Record6<String, String, String, LocalDateTime, String, String>> instanceRow =
                rows.stream().filter(row -> row.value1() != null).findFirst();
        List<InstalledPackage> packages = rows.stream()
                .filter(row -> row.value1() == null)
                .map(row -> new InstalledPackage(row.value5(), row.value6()))
                .toList();
        return instanceRow.map(instance -> new InventoryEntry(
                new Ec2Instance(instance.value1(), instance.value2(), instance.value3(), packages),
                instance.value4()));
    }

    /** One DELETE: the links go with the instance (ON DELETE CASCADE), which the changed-row count leaves out. */
    @Override
    public boolean delete(String awsInstanceId) {
        return whileAvailable(() -> dataApi.execute(InventoryQueries.DELETE_INSTANCE, awsInstanceId)) > 0;
    }

    /** One transaction; an unknown instance ends it after the SELECT with a rollback. */
    @Override
    public InventoryEntry replacePackages(String awsInstanceId, List<InstalledPackage> packages) {
        List<InstalledPackage> sorted = new LinkedHashSet<>(packages).stream().sorted(KEY_ORDER).toList();
        InventoryLimits.requirePackageCount(sorted.size());
        return whileAvailable(() -> dataApi.transaction(tx -> {
            Record3<String, String, LocalDateTime> row = tx.fetch(InventoryQueries.SELECT_INSTANCE_FOR_UPDATE,
                    awsInstanceId).stream().findFirst().orElseThrow(() -> new InstanceNotFoundException(awsInstanceId));
            tx.execute(InventoryQueries.DELETE_INSTALLED_PACKAGES, awsInstanceId);
            tx.executeBulk(sorted, InventoryQueries::insertPackagesIgnoringKnown);
            tx.executeBulk(sorted, chunk -> InventoryQueries.insertInstalledPackages(awsInstanceId, chunk));
            return new InventoryEntry(new Ec2Instance(awsInstanceId, row.value1(), row.value2(), sorted),
                    row.value3());
        }));
    }

    /** One SELECT, whatever the page holds: see {@link FleetQueries} for why it always fits the 1 MiB response. */
    @Override
    public FleetPage list(FleetQuery query) {
        return FleetPages.of(query, whileAvailable(() -> dataApi.fetch(FleetQueries.page(query))));
    }

    @Override
    public PackageUsage packageUsage(String packageName) {
        return FleetPages.usage(packageName,
                whileAvailable(() -> dataApi.fetch(FleetQueries.VERSIONS_OF, packageName)));
    }

    /** Orders text as the database's binary collation does: by Unicode code point. */
    static int compareCodePoints(String left, String right) {
        return Arrays.compare(left.codePoints().toArray(), right.codePoints().toArray());
    }

    private static int insertInstanceWithPackages(DataApiTransaction tx, Ec2Instance instance, LocalDateTime created) {
        List<InstalledPackage> packages = instance.packages().stream().sorted(KEY_ORDER).toList();
        insertInstance(tx, instance, created);
        tx.executeBulk(packages, InventoryQueries::insertPackagesIgnoringKnown);
        return tx.executeBulk(packages,
                chunk -> InventoryQueries.insertInstalledPackages(instance.awsInstanceId(), chunk));
    }

    /**
     * Only this statement can meet a duplicate key: known packages are ignored, and links are new with it. In a
     * transaction, the exception leaves it, which rolls it back.
     */
    private static int insertInstance(DataApiSession session, Ec2Instance instance, LocalDateTime created) {
        try {
            return session.execute(InventoryQueries.INSERT_INSTANCE, new InventoryEntry(instance, created));
        } catch (DataApiSqlException failure) {
            if (failure.isDuplicateEntry()) {
                throw new InstanceAlreadyExistsException(instance.awsInstanceId());
            }
            throw failure;
        }
    }

    private static <T> T whileAvailable(Supplier<T> databaseWork) {
        try {
            return databaseWork.get();
        } catch (DataApiUnavailableException unavailable) {
            throw new InventoryUnavailableException(unavailable.getMessage(), unavailable.retryAfter(), unavailable);
        }
    }
}
