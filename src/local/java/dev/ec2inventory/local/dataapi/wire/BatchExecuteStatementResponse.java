package dev.ec2inventory.local.dataapi.wire;

import java.util.List;

/** The answer to {@code /BatchExecute}: one {@link UpdateResult} per parameter set, in order. */
public record BatchExecuteStatementResponse(List<UpdateResult> updateResults) {
}
