package dev.ec2inventory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one table a benchmark run prints: a row per figure and measurement. It is printed at the end and written to
 * {@code target/bench/benchmarks.md}, ready for BENCHMARKS.md.
 */
final class Report {

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void row(String figure, String measurement, String value) {
        rows.add("| " + figure + " | " + measurement + " | " + value + " |");
        System.out.println("[bench] " + figure + " | " + measurement + " | " + value);
    }

    void note(String note) {
        notes.add(note);
        System.out.println("[bench] note: " + note);
    }

    String table() {
        StringBuilder table = new StringBuilder("| figure | measurement | value |\n|---|---|---|\n");
        rows.forEach(row -> table.append(row).append('\n'));
        if (!notes.isEmpty()) {
            table.append('\n');
            notes.forEach(note -> table.append("- ").append(note).append('\n'));
        }
        return table.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, table());
    }
}
