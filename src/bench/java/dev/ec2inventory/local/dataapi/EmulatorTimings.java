package dev.ec2inventory.local.dataapi;

import dev.ec2inventory.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;

/**
 * Measures the emulator's start-up time on a running database, and what one call through the SDK costs over the
 * same statement on a direct JDBC connection: figure 8 of {@code dev.ec2inventory.bench.BenchmarkRun}. It sits in the
 * emulator's package for the test fixture's client and statement builders.
 */
public final class EmulatorTimings {

    private static final int STARTS = 10;
    private static final int WARM_UP_CALLS = 2_000;
    private static final int MEASURED_CALLS = 5_000;
    private static final String SQL = "SELECT 1";

    private EmulatorTimings() {
    }

    /** Reports each measurement and its value to {@code row}. */
    public static void measure(BiConsumer<String, String> row) throws SQLException {
        try (TestDatabase database = TestDatabase.empty("timings")) {
            long[] startMillis = new long[STARTS];
            for (int i = 0; i < STARTS; i++) {
                try (DataApiEmulator emulator = start(database)) {
                    startMillis[i] = emulator.startupTime().toMillis();
                }
            }
            row.accept("start-up (bind + first connection), " + STARTS + " starts", String.format(
                    "first %d ms, then median %d ms, max %d ms", startMillis[0],
                    median(Arrays.copyOfRange(startMillis, 1, STARTS)),
                    Arrays.stream(startMillis, 1, STARTS).max().orElseThrow()));

            try (DataApiEmulator emulator = start(database);
                    RdsDataClient client = EmulatorFixture.client(emulator.endpoint(), false)) {
                ExecuteStatementRequest request = EmulatorFixture.statement(SQL).build();
                long[] sdkNanos = time(() -> client.executeStatement(request));
                long[] jdbcNanos;
                try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(SQL)) {
                    jdbcNanos = time(() -> {
                        try (ResultSet result = statement.executeQuery()) {
                            result.next();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                row.accept(String.format("'%s', %d calls after %d warm-up", SQL, MEASURED_CALLS, WARM_UP_CALLS),
                        String.format("SDK through emulator p50 %s p99 %s; direct JDBC p50 %s p99 %s; overhead at p50 %s",
                                micros(percentile(sdkNanos, 50)), micros(percentile(sdkNanos, 99)),
                                micros(percentile(jdbcNanos, 50)), micros(percentile(jdbcNanos, 99)),
                                micros(percentile(sdkNanos, 50) - percentile(jdbcNanos, 50))));
            }
        }
    }

    private static DataApiEmulator start(TestDatabase database) {
        return DataApiEmulator.builder().cluster(database.localCluster()).start();
    }

    private static long[] time(Runnable call) {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            call.run();
        }
        long[] nanos = new long[MEASURED_CALLS];
        for (int i = 0; i < MEASURED_CALLS; i++) {
            long started = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String micros(long nanos) {
        return Duration.ofNanos(nanos).toNanos() / 1_000 + " µs";
    }
}
