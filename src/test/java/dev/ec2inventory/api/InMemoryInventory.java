package dev.ec2inventory.api;

import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstanceAlreadyExistsException;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryEntry;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The inventory's contract without a database, for handler unit tests; it can be told to fail. */
final class InMemoryInventory implements Inventory {

    static final LocalDateTime CREATED = LocalDateTime.of(2019, 3, 6, 2, 45, 32);

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

    private void failIfTold() {
        if (failure != null) {
            throw failure.get();
        }
    }
}
