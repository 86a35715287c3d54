package dev.ec2inventory.hostile;

import dev.ec2inventory.hostile.HostileCase.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The run's numbers per channel, and every leak found, for the summary line and the leak scan. */
final class CorpusTally {

    /** How one case ended on one channel. */
    enum Outcome { CLEAN_4XX, WRITE_VERIFIED, OTHER_PASS, FAILED }

    private final Map<Level, int[]> counts = new EnumMap<>(Level.class);
    private final Map<Level, Integer> serverErrors = new EnumMap<>(Level.class);
    private final Map<Level, Integer> expectedServerErrors = new EnumMap<>(Level.class);
    private final List<String> leaks = new ArrayList<>();

    synchronized void record(Level channel, Outcome outcome) {
        counts.computeIfAbsent(channel, level -> new int[Outcome.values().length])[outcome.ordinal()]++;
    }

    /** Any answer of 500 or more: of a case, of its setup, or of a read-back; some cases expect one. */
    synchronized void serverError(Level channel, boolean expected) {
        (expected ? expectedServerErrors : serverErrors).merge(channel, 1, Integer::sum);
    }

    synchronized void leaks(Level channel, String caseName, List<String> hits) {
        hits.forEach(hit -> leaks.add("[" + channel.name().toLowerCase() + "] " + caseName + ": " + hit));
    }

    synchronized List<String> leaks() {
        return List.copyOf(leaks);
    }

    private long leakCount(Level channel) {
        return leaks.stream().filter(line -> line.startsWith("[" + channel.name().toLowerCase() + "]")).count();
    }

    /** One line per channel: what the note quotes. */
    synchronized List<String> summary() {
        List<String> lines = new ArrayList<>();
        counts.forEach((channel, count) -> {
            int tried = 0;
            for (int n : count) {
                tried += n;
            }
            lines.add(String.format("[hostile corpus] %s: %d cases tried, %d clean 4xx, %d writes verified by "
                            + "read-back, %d other passes, %d leaks, %d 5xx (and %d expected), %d failed",
                    channel == Level.HANDLER ? "handlers in-process" : "local HTTP server", tried,
                    count[Outcome.CLEAN_4XX.ordinal()], count[Outcome.WRITE_VERIFIED.ordinal()],
                    count[Outcome.OTHER_PASS.ordinal()], leakCount(channel), serverErrors.getOrDefault(channel, 0),
                    expectedServerErrors.getOrDefault(channel, 0),
                    count[Outcome.FAILED.ordinal()]));
        });
        return lines;
    }
}
