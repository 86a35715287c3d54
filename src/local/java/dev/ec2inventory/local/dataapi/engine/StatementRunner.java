package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a call's SQL on a worker thread and waits at most the statement timeout (45 s on the service) for it.
 *
 * <p>Past the timeout the caller gets {@code StatementTimeoutException} with the connection's id. The statement is
 * cancelled unless the call set {@code continueAfterTimeout}; then it runs to its end, and its session (and
 * transaction, which stays busy meanwhile) is released when it is over. The session is always released by the worker
 * thread, when the SQL is really done.
 */
public final class StatementRunner implements AutoCloseable {

    /** How long a cancelled statement may take to stop before the timeout is answered anyway. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);

    private final Duration timeout;
    private final ExecutorService workers = Executors.newCachedThreadPool(Daemons.named("data-api-statement"));

    public StatementRunner(Duration timeout) {
        this.timeout = timeout;
    }

    <T> T run(SessionLease lease, boolean continueAfterTimeout, SqlWork<T> work) {
        RunningStatement running = new RunningStatement();
        Future<T> result;
        try {
            result = workers.submit(() -> runAndRelease(lease, running, work));
        } catch (RejectedExecutionException shuttingDown) {
            lease.release(CallOutcome.USABLE);
            throw DataApiException.of(DataApiErrorType.SERVICE_UNAVAILABLE, "The emulator is shutting down");
        }
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (!continueAfterTimeout) {
                running.cancel();
                awaitQuietly(result);
            }
            throw DataApiException.statementTimeout("The statement ran longer than the statement timeout ("
                    + timeout.toMillis() + " ms)" + (continueAfterTimeout ? "; it goes on running" : " and was cancelled"),
                    lease.session().connectionId());
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel();
            throw DataApiException.of(DataApiErrorType.SERVICE_UNAVAILABLE, "The emulator is shutting down");
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static <T> T runAndRelease(SessionLease lease, RunningStatement running, SqlWork<T> work)
            throws SQLException {
        CallOutcome outcome = CallOutcome.USABLE;
        try {
            return work.run(lease.session(), running);
        } catch (SQLException e) {
            outcome = CallOutcome.after(e);
            throw e;
        } finally {
            lease.release(outcome);
        }
    }

    private static void awaitQuietly(Future<?> result) {
        try {
            result.get(CANCEL_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException expected) {
            // a cancelled statement fails, or takes too long to notice; the caller is told of the timeout either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof SQLException sqlFailure) {
            return SqlErrors.toDataApiException(sqlFailure);
        }
        if (failure instanceof RuntimeException runtimeFailure) {
            return runtimeFailure;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
