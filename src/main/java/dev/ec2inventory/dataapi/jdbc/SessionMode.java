package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiTarget;

/** How a connection's statements reach the database; see the package documentation for when to use which. */
public enum SessionMode {

    /**
     * One Data API transaction per connection, so that every statement reaches one database session (named locks,
     * session variables). Relies on service behaviour AWS does not document: see {@link PinnedSession}.
     */
    PINNED_TRANSACTION {
        @Override
        DriverSession open(DataApiClient client, DataApiTarget target) {
            return new PinnedSession(client, target);
        }
    },

    /**
     * Every statement is one ExecuteStatement outside any transaction, committed when it returns, with
     * {@code continueAfterTimeout}: only documented behaviour. No session state outlives a statement.
     */
    CALL_PER_STATEMENT {
        @Override
        DriverSession open(DataApiClient client, DataApiTarget target) {
            return new CallPerStatementSession(client, target);
        }
    };

    abstract DriverSession open(DataApiClient client, DataApiTarget target);
}
