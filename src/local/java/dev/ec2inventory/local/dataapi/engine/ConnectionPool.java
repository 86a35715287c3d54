package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import dev.ec2inventory.local.db.DatabaseServer;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A few idle connections to one cluster's server, so that a call outside a transaction does not pay for a new one.
 * A connection comes back reset, so no call sees what an earlier one left in its session; every pooled one is
 * checked (a ping) before reuse, since the server may have ended it meanwhile (a timeout, a {@code KILL}); one
 * that failed, or cannot be reset, is thrown away, never pooled.
 */
final class ConnectionPool implements AutoCloseable {

    private static final int MAX_IDLE = 8;

    private final DatabaseServer server;
    private final Deque<DatabaseSession> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(DatabaseServer server) {
        this.server = server;
    }

    /**
     * An idle session, or a new one.
     *
     * <p>A server that refuses the secret's credentials gives {@code InvalidSecretException}; one that cannot be
     * reached gives {@code DatabaseUnavailableException} (504: "the writer instance isn't available").
     */
    DatabaseSession borrow() {
        DatabaseSession session;
        while ((session = takeIdle()) != null) {
            if (session.isValid()) {
                return session;
            }
            session.closeQuietly();
        }
        return open();
    }

    /** Resets the session ({@link DatabaseSession#reset()}) and keeps it for the next call, or closes it. */
    void giveBack(DatabaseSession session) {
        if (!resetQuietly(session)) {
            session.closeQuietly();
            return;
        }
        synchronized (idle) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.push(session);
                return;
            }
        }
        session.closeQuietly();
    }

    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            idle.forEach(DatabaseSession::closeQuietly);
            idle.clear();
        }
    }

    private static boolean resetQuietly(DatabaseSession session) {
        try {
            return session.reset();
        } catch (SQLException e) {
            return false;
        }
    }

    private DatabaseSession takeIdle() {
        synchronized (idle) {
            return idle.poll();
        }
    }

    private DatabaseSession open() {
        try {
            return DatabaseSession.open(server);
        } catch (SQLException e) {
            if ("28000".equals(e.getSQLState())) {
                throw DataApiException.of(DataApiErrorType.INVALID_SECRET,
                        "The database refused the credentials in the secret", e);
            }
            throw DataApiException.of(DataApiErrorType.DATABASE_UNAVAILABLE,
                    "The database instance of the cluster is not available", e);
        }
    }
}
