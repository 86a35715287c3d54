package dev.ec2inventory.local.dataapi.engine;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/** What a call left its session in, which decides whether the session (and its transaction) can go on. */
enum CallOutcome {

    /** Succeeded, or failed in a way that leaves the session and any transaction usable. */
    USABLE,
    /** The connection is broken: throw it away, and abort its transaction. */
    CONNECTION_LOST,
    /** The server rolled the whole transaction back (a deadlock): the transaction is over. */
    TRANSACTION_ROLLED_BACK;

    private static final int ER_LOCK_DEADLOCK = 1213;

    static CallOutcome after(SQLException failure) {
        String state = failure.getSQLState();
        if (failure instanceof SQLNonTransientConnectionException || state != null && state.startsWith("08")) {
            return CONNECTION_LOST;
        }
        return failure.getErrorCode() == ER_LOCK_DEADLOCK ? TRANSACTION_ROLLED_BACK : USABLE;
    }
}
