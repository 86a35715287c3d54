package dev.ec2inventory.local.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reports how many megabytes have been written into a directory, every interval, until stopped. */
final class UnpackProgress {

    private static final long MEGABYTE = 1024 * 1024;

    private final ScheduledExecutorService timer;

    private UnpackProgress(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static UnpackProgress watch(Path directory, Duration interval, Consumer<String> progress) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "unpack-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(
                () -> progress.accept("  ... " + sizeOf(directory) / MEGABYTE + " MB unpacked"),
                interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new UnpackProgress(timer);
    }

    void stop() {
        timer.shutdownNow();
    }

    private static long sizeOf(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(UnpackProgress::sizeOrZero).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // files appear and grow while we walk; the next tick reports again
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
