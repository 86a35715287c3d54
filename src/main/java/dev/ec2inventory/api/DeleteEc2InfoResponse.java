package dev.ec2inventory.api;

/** {@code {"deleted": true}}, or {@code false} when the instance was not in the inventory (DELETE is idempotent). */
record DeleteEc2InfoResponse(boolean deleted) {
}
