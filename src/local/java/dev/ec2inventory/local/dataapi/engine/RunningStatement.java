package dev.ec2inventory.local.dataapi.engine;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The statement a call is running, so that a timeout, seen from another thread, can cancel it. */
final class RunningStatement {

    private static final Logger LOG = LoggerFactory.getLogger(RunningStatement.class);

    private Statement statement;
    private boolean cancelled;

    /** Registers the statement about to run; if the call was cancelled already, it must not start. */
    synchronized void track(Statement statement) throws SQLTimeoutException {
        if (cancelled) {
            throw new SQLTimeoutException("the call timed out before its statement started");
        }
        this.statement = statement;
    }

    /** Cancels the statement ({@code KILL QUERY} on MySQL and MariaDB), or stops it from starting. */
    synchronized void cancel() {
        cancelled = true;
        if (statement == null) {
            return;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            LOG.warn("could not cancel a statement that ran past the timeout; it goes on running", e);
        }
    }
}
