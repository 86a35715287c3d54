package dev.ec2inventory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The machine a run measured on, as one line: the figures mean little without it. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + memory() + ", load average "
                + firstWords(Path.of("/proc/loadavg"), 3) + " at start, Java " + System.getProperty("java.vm.version")
                + " (" + System.getProperty("java.vm.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 + " MiB memory")
                    .findFirst().orElse("memory unknown");
        } catch (IOException e) {
            return "memory unknown";
        }
    }

    private static String firstWords(Path file, int count) {
        try {
            String[] words = Files.readString(file).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(words, Math.min(count, words.length)));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
