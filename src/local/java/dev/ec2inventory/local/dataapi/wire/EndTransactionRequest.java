package dev.ec2inventory.local.dataapi.wire;

/** {@code POST /CommitTransaction} and {@code POST /RollbackTransaction}: the two have the same members. */
public record EndTransactionRequest(String resourceArn, String secretArn, String transactionId) {
}
