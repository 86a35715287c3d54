package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.ClusterBinding;
import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import java.util.Optional;

/** A served (cluster, secret) pair and the pooled connections behind it. */
public final class Cluster {

    private final ClusterBinding binding;
    private final ConnectionPool connections;

    Cluster(ClusterBinding binding) {
        this.binding = binding;
        this.connections = new ConnectionPool(binding.databaseServer());
    }

    public ClusterBinding binding() {
        return binding;
    }

    ConnectionPool connections() {
        return connections;
    }

    /**
     * Opens a first pooled connection, so the first call does not pay for it; says why it could not. An account the
     * server refuses is no problem yet: a migration may create it, or set its password, after the emulator starts.
     */
    public Optional<String> warmUp() {
        try {
            connections.giveBack(connections.borrow());
            return Optional.empty();
        } catch (DataApiException e) {
            if (e.type().equals(DataApiErrorType.INVALID_SECRET.wireName())) {
                return Optional.empty();
            }
            return Optional.of(e.type() + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
    }

    /** A call outside a transaction: a pooled autocommit session, for this call only. */
    SessionLease leaseForOneCall() {
        DatabaseSession session = connections.borrow();
        return new SessionLease() {
            @Override
            public DatabaseSession session() {
                return session;
            }

            @Override
            public String defaultDatabase() {
                return binding.defaultDatabase();
            }

            @Override
            public boolean inTransaction() {
                return false;
            }

            @Override
            public void release(CallOutcome outcome) {
                if (outcome == CallOutcome.CONNECTION_LOST) {
                    session.closeQuietly();
                } else {
                    connections.giveBack(session);
                }
            }
        };
    }
}
