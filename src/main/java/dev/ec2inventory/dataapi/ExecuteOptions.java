package dev.ec2inventory.dataapi;

/**
 * How one ExecuteStatement runs: in {@code transactionId}, or on its own when null; with column metadata, which only
 * result sets need; and whether it goes on running past the Data API's call timeout.
 */
public record ExecuteOptions(String transactionId, boolean withColumns, boolean continueAfterTimeout) {

    public static final ExecuteOptions AUTO_COMMIT = new ExecuteOptions(null, false, false);

    public ExecuteOptions inTransaction(String id) {
        return new ExecuteOptions(id, withColumns, continueAfterTimeout);
    }

    public ExecuteOptions withColumns(boolean wanted) {
        return new ExecuteOptions(transactionId, wanted, continueAfterTimeout);
    }

    public ExecuteOptions continuingAfterTimeout() {
        return new ExecuteOptions(transactionId, withColumns, true);
    }
}
