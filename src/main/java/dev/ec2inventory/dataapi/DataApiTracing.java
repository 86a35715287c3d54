package dev.ec2inventory.dataapi;

import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Wraps each Data API call in a trace span. */
interface DataApiTracing {

    /**
     * Runs {@code call} inside a span named {@code operation}.
     *
     * @param sql      the statement's text, or {@code null} for transaction calls; never its parameter values
     * @param rowCount the rows the call returned or changed, read from its response
     */
    <T> T trace(String operation, String sql, Supplier<T> call, ToIntFunction<T> rowCount);
}
