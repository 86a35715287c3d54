package dev.ec2inventory.bench;

import dev.ec2inventory.dataapi.jdbc.MigrationTimings;
import dev.ec2inventory.local.dataapi.EmulatorTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every benchmark of the project, run by {@code mvn -q -Pbench verify} (see BENCHMARKS.md), printed as one table.
 * Nothing here asserts a time: the figures are for reading and comparing.
 *
 * <p>Arguments: the build directory, then {@code all} or the figures to run, comma-separated ({@code 1,6}; figure 1
 * brings figure 2 along). From Maven: {@code -Dbench.args=1,6}. {@code BENCH_COLD_STARTS} sets the fresh processes per
 * function (10 by default).
 */
public final class BenchmarkRun {

    private BenchmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path basedir = target.getParent();
        Set<String> figures = args.length < 2 || args[1].equals("all")
                ? Set.of("1", "3", "4", "5", "6", "7", "8", "9", "10")
                : Arrays.stream(args[1].split(",")).map(String::trim).collect(Collectors.toSet());
        Path work = Files.createDirectories(target.resolve("bench"));
        Report report = new Report();
        report.note(Machine.describe());
        if (figures.contains("1") || figures.contains("2")) {
            int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_COLD_STARTS", "10"));
            new ColdStarts(basedir, work, runs).measure(report);
        }
        if (figures.contains("3")) {
            WarmOverhead.measure(report);
        }
        if (figures.contains("4")) {
            DataApiCallCounts.measure(report);
        }
        if (figures.contains("5")) {
            LocalStackLatency.measure(basedir, report);
        }
        if (figures.contains("6")) {
            ArtifactSize.measure(basedir, work, report);
        }
        if (figures.contains("7")) {
            StatementSizes.measure(report);
        }
        if (figures.contains("8")) {
            EmulatorTimings.measure((measurement, value) -> report.row("8 Emulator overhead", measurement, value));
        }
        if (figures.contains("9")) {
            MigrationTimings.measure((measurement, value) -> report.row("9 Migrations", measurement, value));
        }
        if (figures.contains("10")) {
            FleetAtScale.measure(basedir, report);
        }
        report.write(work.resolve("benchmarks.md"));
        System.out.println();
        System.out.println(report.table());
        System.out.println("(also written to " + work.resolve("benchmarks.md") + ")");
    }
}
