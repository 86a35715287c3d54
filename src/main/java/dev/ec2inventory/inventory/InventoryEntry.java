package dev.ec2inventory.inventory;

import java.time.LocalDateTime;
import java.util.Objects;

/** An instance as the inventory holds it: what was registered, and when (UTC, whole seconds). */
public record InventoryEntry(Ec2Instance ec2Instance, LocalDateTime creationDateUtc) {

    public InventoryEntry {
        Objects.requireNonNull(ec2Instance, "ec2Instance");
        Objects.requireNonNull(creationDateUtc, "creationDateUtc");
    }
}
