package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.SqlStatement;
import dev.ec2inventory.dataapi.StatementResult;
import java.util.function.Supplier;

/**
 * What a statement whose call failed yields instead: the user of the driver decides whether the failure is final,
 * whether the statement may be sent again ({@code resend}), or whether its effect counts as done.
 */
@FunctionalInterface
public interface StatementRecovery {

    /** Every failure is final. */
    StatementRecovery NONE = (statement, failure, resend) -> {
        throw failure;
    };

    /**
     * @return the result to give the caller in place of the failed call's
     * @throws DataApiException {@code failure}, or another, when the statement failed for good
     */
    StatementResult recover(SqlStatement statement, DataApiException failure, Supplier<StatementResult> resend);
}
