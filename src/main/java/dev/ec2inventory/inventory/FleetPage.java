package dev.ec2inventory.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a fleet listing: instances in code-point order of their ids, each with its packages as
 * {@link Inventory#find} gives them, and the token of the next page when there is one.
 */
public record FleetPage(List<InventoryEntry> records, Optional<String> nextToken) {

    public FleetPage {
        records = List.copyOf(records);
        Objects.requireNonNull(nextToken, "nextToken");
    }
}
