package dev.ec2inventory.dataapi;

/**
 * How one ExecuteStatement runs.
 *
 * @param transactionId        the transaction to run in, or {@code null} to run on its own (auto-commit)
 * @param withColumns          whether to ask for the result's column metadata, which only result sets need
 * @param continueAfterTimeout whether the statement goes on running past the Data API's call timeout
 */
public record ExecuteOptions(String transactionId, boolean withColumns, boolean continueAfterTimeout) {

    /** On its own, without column metadata. */
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
