package dev.ec2inventory.inventory;

import java.util.Optional;

/**
 * The EC2 inventory: instances and the packages installed on them.
 *
 * <p>Both operations throw {@link InventoryUnavailableException} when the database cannot answer in time.
 */
public interface Inventory {

    /**
     * Stores an instance with its packages, all or nothing.
     *
     * @throws InstanceAlreadyExistsException when an instance with its id is stored already; nothing is written
     */
    void add(Ec2Instance instance);

    /** The instance with its packages sorted by name, then version, by Unicode code point (as utf8mb4_bin orders). */
    Optional<InventoryEntry> find(String awsInstanceId);
}
