package dev.ec2inventory.api;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The preparation's work runs on threads of its own while the calling thread only waits. Threads that meet each
 * other (two loading classes at once contend for a {@code ConcurrentHashMap}'s counter) seed their
 * {@code ThreadLocalRandom}; the calling thread is the one that serves requests, after a SnapStart restore too, and
 * its generator must be seeded in each sandbox, not once for all of them in the snapshot. Waiting meets nobody.
 */
final class PreparationThreads {

    private PreparationThreads() {
    }

    /** {@code work}, started on a new thread named {@code name}. */
    static <T> FutureTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        new Thread(task, name).start();
        return task;
    }

    /** Waits for {@code task} to end: its result, or its failure as an init error about {@code what}. */
    static <T> T await(FutureTask<T> task, String what) {
        try {
            return task.get();
        } catch (ExecutionException failure) {
            throw new IllegalStateException(what + " failed", failure.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, interrupted);
        }
    }
}
