package dev.ec2inventory.local.dataapi.wire;

import java.util.List;

/** One parameter set's outcome in a batch: the keys it generated (empty when none). */
public record UpdateResult(List<Field> generatedFields) {
}
