package dev.ec2inventory.local.dataapi.engine;

/** The session one call runs on, held from before the statement until it is over (even past a timeout). */
interface SessionLease {

    DatabaseSession session();

    /** Where the call runs when it names no database: the cluster's default, or the transaction's. */
    String defaultDatabase();

    boolean inTransaction();

    /** Called once, by the thread that ran the call, when it is over. */
    void release(CallOutcome outcome);
}
