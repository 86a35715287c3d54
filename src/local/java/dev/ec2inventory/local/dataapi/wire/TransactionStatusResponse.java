package dev.ec2inventory.local.dataapi.wire;

/** The answer to {@code /CommitTransaction} ("Transaction Committed") and {@code /RollbackTransaction} ("Rollback Complete"). */
public record TransactionStatusResponse(String transactionStatus) {

    public static final TransactionStatusResponse COMMITTED = new TransactionStatusResponse("Transaction Committed");
    public static final TransactionStatusResponse ROLLED_BACK = new TransactionStatusResponse("Rollback Complete");
}
