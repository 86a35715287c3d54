package dev.ec2inventory.api;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Part of the preparation, run on a thread of its own while the calling thread only waits. Threads that meet each
 * other (two loading classes at once contend for a {@code ConcurrentHashMap}'s counter) seed their
 * {@code ThreadLocalRandom}; the calling thread is the one that serves requests, after a SnapStart restore too, and
 * its generator must be seeded in each sandbox, not once for all of them in the snapshot. Waiting meets nobody.
 *
 * @param <T> what the work gives
 */
final class PreparationThread<T> {

    private final FutureTask<T> task;
    private final Thread thread;

    private PreparationThread(String name, Callable<T> work) {
        this.task = new FutureTask<>(work);
        this.thread = new Thread(task, name);
    }

    /** {@code work}, started on a new thread named {@code name}. */
    static <T> PreparationThread<T> start(String name, Callable<T> work) {
        PreparationThread<T> started = new PreparationThread<>(name, work);
        started.thread.start();
        return started;
    }

    /**
     * Waits for the work and then for its thread to end, so that a snapshot taken afterwards holds no trace of it:
     * the work's result, or its failure as an init error about {@code what}.
     */
    T await(String what) {
        try {
            T result = task.get();
            thread.join();
            return result;
        } catch (ExecutionException failure) {
            throw new IllegalStateException(what + " failed", failure.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, interrupted);
        }
    }
}
