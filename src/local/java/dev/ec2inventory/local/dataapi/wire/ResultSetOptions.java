package dev.ec2inventory.local.dataapi.wire;

/** How DECIMAL ({@code STRING} | {@code DOUBLE_OR_LONG}) and integer ({@code LONG} | {@code STRING}) values come back. */
public record ResultSetOptions(String decimalReturnType, String longReturnType) {
}
