package dev.ec2inventory.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a fleet listing, by instance id in code-point order, and the next page's token if any. */
public record FleetPage(List<InventoryEntry> records, Optional<String> nextToken) {

    public FleetPage {
        records = List.copyOf(records);
        Objects.requireNonNull(nextToken, "nextToken");
    }
}
