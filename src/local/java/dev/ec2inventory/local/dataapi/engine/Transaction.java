package dev.ec2inventory.local.dataapi.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open transaction: the session it owns until it ends, and whether a call is using it right now.
 *
 * <p>Whoever {@linkplain #tryTake() takes} it has it alone: a call, a commit or rollback, or the reaper. Ending a
 * transaction requires taking it and never gives it back, so a call that manages to take one knows it is still open.
 */
final class Transaction {

    private final String id;
    private final Cluster cluster;
    private final DatabaseSession session;
    private final String database;
    private final AtomicBoolean taken = new AtomicBoolean();
    private volatile long lastUsedNanos = System.nanoTime();

    Transaction(String id, Cluster cluster, DatabaseSession session, String database) {
        this.id = id;
        this.cluster = cluster;
        this.session = session;
        this.database = database;
    }

    String id() {
        return id;
    }

    Cluster cluster() {
        return cluster;
    }

    DatabaseSession session() {
        return session;
    }

    /** The database named at BeginTransaction (or the cluster's default): calls naming none run there. */
    String database() {
        return database;
    }

    boolean tryTake() {
        return taken.compareAndSet(false, true);
    }

    /** Gives it back after a call; its idle time starts now. */
    void putBack() {
        lastUsedNanos = System.nanoTime();
        taken.set(false);
    }

    boolean idleLongerThan(long nanos) {
        return System.nanoTime() - lastUsedNanos > nanos;
    }
}
