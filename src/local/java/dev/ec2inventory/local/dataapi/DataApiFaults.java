package dev.ec2inventory.local.dataapi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults to inject into the coming calls, for tests: errors in place of real answers, and latency before every answer.
 *
 * <p>Calls are numbered as they arrive. Only calls to an operation count here: a request to an unknown path, or
 * one over the size limit, is answered as such and takes no fault. A call that takes a fault does nothing else: no statement runs. When two
 * faults are planned for the same call, the one planned last wins. Thread-safe.
 */
public final class DataApiFaults {

    /** The latency to apply, then the fault to answer with, if any. */
    record Plan(Duration latency, Optional<DataApiFault> fault) {
    }

    private final Map<Long, DataApiFault> faultsByCallNumber = new HashMap<>();
    private long callsSeen;
    private Duration latency = Duration.ZERO;

    DataApiFaults() {
    }

    /** The next {@code count} calls answer with {@code fault}. */
    public synchronized void failNext(int count, DataApiFault fault) {
        requirePositive(count, "count");
        Objects.requireNonNull(fault, "fault");
        for (long n = 1; n <= count; n++) {
            faultsByCallNumber.put(callsSeen + n, fault);
        }
    }

    /** The {@code n}th call from now answers with {@code fault}; 1 is the very next call. */
    public synchronized void failNthCallFromNow(int n, DataApiFault fault) {
        requirePositive(n, "n");
        faultsByCallNumber.put(callsSeen + n, Objects.requireNonNull(fault, "fault"));
    }

    /** Every call waits this much longer before it is handled; added to any latency already set. */
    public synchronized void addLatency(Duration extra) {
        if (extra.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + extra);
        }
        latency = latency.plus(extra);
    }

    /** Removes every planned fault and all latency. */
    public synchronized void clear() {
        faultsByCallNumber.clear();
        latency = Duration.ZERO;
    }

    /** Numbers the call that just arrived and says what to do to it. */
    synchronized Plan nextCall() {
        callsSeen++;
        return new Plan(latency, Optional.ofNullable(faultsByCallNumber.remove(callsSeen)));
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, not " + value);
        }
    }
}
