package dev.ec2inventory.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Every operation throws {@link InventoryUnavailableException} when the database cannot answer in time. Keys are
 * checked where they enter (a request, an event): one that breaks {@link Ec2Instance}'s rules matches nothing here.
 */
public interface Inventory {

    /** All or nothing; {@link InstanceAlreadyExistsException} when its id is stored already. */
    void add(Ec2Instance instance);

    /** The instance with its packages sorted by name, then version, by Unicode code point (as utf8mb4_bin orders). */
    Optional<InventoryEntry> find(String awsInstanceId);

    /** Removes the instance and its package links, in one statement; its packages stay known. */
    boolean delete(String awsInstanceId);

    /** All or nothing, returning what {@link #find} would now; {@link InstanceNotFoundException} when unknown. */
    InventoryEntry replacePackages(String awsInstanceId, List<InstalledPackage> packages);

    /** One page of the instances the query's filters select, by instance id in code-point order. */
    FleetPage list(FleetQuery query);

    /** The versions of a package with the number of instances that have each; none when it is unknown. */
    PackageUsage packageUsage(String packageName);
}
