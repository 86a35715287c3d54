package dev.ec2inventory.local.dataapi.wire;

/** The answer to {@code /BeginTransaction}. */
public record BeginTransactionResponse(String transactionId) {
}
