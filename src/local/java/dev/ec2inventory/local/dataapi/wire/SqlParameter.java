package dev.ec2inventory.local.dataapi.wire;

/** A named parameter: {@code :name} in the SQL takes {@code value}, converted as {@code typeHint} says. */
public record SqlParameter(String name, Field value, String typeHint) {
}
