package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.local.dataapi.DataApiCalls;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.local.db.SchemaMigrations;
import dev.ec2inventory.testing.TestDatabase;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What applying db/migration costs through the driver and the emulator, beside Flyway over a direct JDBC connection:
 * Data API calls per operation, and wall time, for a fresh database and for a second run with nothing to apply: figure 9 of {@code dev.ec2inventory.bench.BenchmarkRun}.
 * It sits in the driver's package for the test fixture {@code EmulatedServer}.
 */
public final class MigrationTimings {

    private static final int ROUNDS = 7;
    private static final Consumer<String> QUIET = line -> { };

    private MigrationTimings() {
    }

    /** Reports each measurement and its value to {@code row}. */
    public static void measure(BiConsumer<String, String> row) {
        try (EmulatedServer cluster = EmulatedServer.start()) {
            round(cluster); // class loading and JIT warm-up, not counted
            long[] overJdbc = new long[ROUNDS];
            long[] fresh = new long[ROUNDS];
            long[] again = new long[ROUNDS];
            Map<DataApiOperation, Long> freshCalls = Map.of();
            Map<DataApiOperation, Long> againCalls = Map.of();
            for (int i = 0; i < ROUNDS; i++) {
                Round round = round(cluster);
                overJdbc[i] = round.overJdbcNanos();
                fresh[i] = round.freshNanos();
                again[i] = round.againNanos();
                freshCalls = round.freshCalls();
                againCalls = round.againCalls();
            }
            row.accept("db/migration on a fresh database, median of " + ROUNDS, String.format(
                    "over JDBC %s; through the driver and the emulator %s, in %s",
                    millis(median(overJdbc)), millis(median(fresh)), freshCalls));
            row.accept("a second migrate, nothing to apply", String.format(
                    "through the driver and the emulator %s, in %s", millis(median(again)), againCalls));
        }
    }

    private static Round round(EmulatedServer cluster) {
        try (TestDatabase jdbcDatabase = TestDatabase.empty("timing_jdbc");
                TestDatabase dataApiDatabase = TestDatabase.empty("timing_dataapi")) {
            DataApiDataSource dataSource = cluster.dataSource(dataApiDatabase);
            long started = System.nanoTime();
            SchemaMigrations.migrateOverJdbc(jdbcDatabase.server(), jdbcDatabase.name());
            long overJdbc = System.nanoTime() - started;

            DataApiCalls calls = cluster.emulator.calls();
            calls.reset();
            started = System.nanoTime();
            SchemaMigrations.migrate(dataSource, QUIET);
            long fresh = System.nanoTime() - started;
            Map<DataApiOperation, Long> freshCalls = counts(calls);

            calls.reset();
            started = System.nanoTime();
            SchemaMigrations.migrate(dataSource, QUIET);
            long again = System.nanoTime() - started;
            return new Round(overJdbc, fresh, freshCalls, again, counts(calls));
        }
    }

    private record Round(long overJdbcNanos, long freshNanos, Map<DataApiOperation, Long> freshCalls, long againNanos,
                         Map<DataApiOperation, Long> againCalls) {
    }

    private static Map<DataApiOperation, Long> counts(DataApiCalls calls) {
        Map<DataApiOperation, Long> counts = new EnumMap<>(DataApiOperation.class);
        for (DataApiOperation operation : DataApiOperation.values()) {
            if (calls.count(operation) > 0) {
                counts.put(operation, calls.count(operation));
            }
        }
        return counts;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String millis(long nanos) {
        return nanos / 1_000_000 + " ms";
    }
}
