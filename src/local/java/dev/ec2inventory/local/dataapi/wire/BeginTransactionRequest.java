package dev.ec2inventory.local.dataapi.wire;

/** {@code POST /BeginTransaction}. */
public record BeginTransactionRequest(String resourceArn, String secretArn, String database, String schema) {
}
