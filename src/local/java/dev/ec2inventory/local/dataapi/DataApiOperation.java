package dev.ec2inventory.local.dataapi;

import java.util.Arrays;

/** The operations of the rds-data service, by the path the REST-JSON protocol posts them to. */
public enum DataApiOperation {

    EXECUTE_STATEMENT("/Execute"),
    BATCH_EXECUTE_STATEMENT("/BatchExecute"),
    BEGIN_TRANSACTION("/BeginTransaction"),
    COMMIT_TRANSACTION("/CommitTransaction"),
    ROLLBACK_TRANSACTION("/RollbackTransaction"),
    /** Deprecated; not supported for Aurora Serverless v2 and provisioned clusters, so always refused. */
    EXECUTE_SQL("/ExecuteSql"),
    /** Any other path or method: counted as a call, answered with {@code UnknownOperationException}. */
    UNKNOWN(null);

    private final String path;

    DataApiOperation(String path) {
        this.path = path;
    }

    /** The operation a request is for; only POST reaches an operation. */
    static DataApiOperation of(String method, String path) {
        if (!"POST".equals(method)) {
            return UNKNOWN;
        }
        return Arrays.stream(values()).filter(operation -> path.equals(operation.path)).findFirst().orElse(UNKNOWN);
    }
}
