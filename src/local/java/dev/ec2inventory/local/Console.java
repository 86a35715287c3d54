package dev.ec2inventory.local;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** The runner's console: progress, banners and what the functions log. */
final class Console {

    private static final PrintStream OUT = System.out;

    private Console() {
    }

    static void line(String text) {
        OUT.println(text);
    }

    /** Progress of a command whose standard output is its result goes to standard error instead. */
    static void progress(String text) {
        System.err.println(text);
    }

    /** Blocks until Ctrl-C (or any JVM shutdown), then closes what was running. */
    static void runUntilCtrlC(AutoCloseable running) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            line("stopping");
            try {
                running.close();
            } catch (Exception e) {
                progress("could not stop cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, "stop-on-ctrl-c"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
