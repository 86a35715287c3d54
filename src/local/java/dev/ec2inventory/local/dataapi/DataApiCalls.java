package dev.ec2inventory.local.dataapi;

import java.util.concurrent.atomic.AtomicLongArray;

/** How many requests each operation received, failed or not. Thread-safe. */
public final class DataApiCalls {

    private final AtomicLongArray counts = new AtomicLongArray(DataApiOperation.values().length);

    DataApiCalls() {
    }

    public long count(DataApiOperation operation) {
        return counts.get(operation.ordinal());
    }

    /** Every request received, including those to unknown paths. */
    public long total() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    public void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }

    void record(DataApiOperation operation) {
        counts.incrementAndGet(operation.ordinal());
    }
}
