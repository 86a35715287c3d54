package dev.ec2inventory.dataapi;

import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Wraps each Data API call in a trace span. */
interface DataApiTracing {

    /** {@code sql} is null for transaction calls, and never carries parameter values. */
    <T> T trace(String operation, String sql, Supplier<T> call, ToIntFunction<T> rowCount);
}
