package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiClients;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.RetryBudget;
import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import dev.ec2inventory.inventory.InventoryRepository;
import dev.ec2inventory.local.dataapi.AutoPause;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.dataapi.MovableClock;
import dev.ec2inventory.testing.EmulatedDatabase;
import dev.ec2inventory.testing.TestDatabase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A GET while the emulated database resumes from auto-pause, through the handler and the SDK retry strategy the
 * functions use: a resume shorter than the retry budget is waited out (200), a longer one is a 503 with Retry-After.
 * Each test skips the idle time by moving the emulator's clock; the resume itself passes in real time, as the SDK's
 * backoff waits in real time.
 */
@EmulatedDatabase
class AutoPauseThroughTheApiIT {

    /** At least 25 + 6 × 50 = 325 ms of backoff (half jitter), well past a 100 ms resume. */
    private static final RetryBudget OUTLASTS_A_SHORT_RESUME =
            new RetryBudget(8, Duration.ofMillis(50), Duration.ofMillis(100));
    /** At most 4 attempts 1 to 5 ms apart: no resume of a minute fits. */
    private static final RetryBudget QUICK = new RetryBudget(4, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final Duration PAUSE_AFTER = Duration.ofMinutes(5);

    private static TestDatabase database;

    @BeforeAll
    static void useTheClassDatabase(TestDatabase migrated) {
        database = migrated;
    }

    @Test
    void aResumeShorterThanTheRetryBudgetIsWaitedOut() {
        MovableClock clock = new MovableClock();
        try (DataApiEmulator emulator = emulator(new AutoPause(PAUSE_AFTER, Duration.ofMillis(100)), clock);
             DataApiClient client = client(emulator, OUTLASTS_A_SHORT_RESUME)) {
            clock.advance(PAUSE_AFTER);

            APIGatewayProxyResponseEvent response = get(client);

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("{\"record\":{},\"record_found\":false}");
            assertThat(emulator.resumingAnswers()).as("the read met the resume first").isPositive();
        }
    }

    @Test
    void aResumeLongerThanTheRetryBudgetIsA503WithRetryAfter() {
        MovableClock clock = new MovableClock();
        try (DataApiEmulator emulator = emulator(new AutoPause(PAUSE_AFTER, Duration.ofMinutes(1)), clock);
             DataApiClient client = client(emulator, QUICK)) {
            clock.advance(PAUSE_AFTER);

            APIGatewayProxyResponseEvent response = get(client);

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(response.getHeaders()).containsEntry("Retry-After", "10");
            assertThat(response.getBody()).endsWith(
                    " - The inventory database is starting up or busy; retry in 10 seconds\"}");
            assertThat(emulator.resumingAnswers()).isEqualTo(QUICK.maxAttempts());
        }
    }

    private static DataApiEmulator emulator(AutoPause autoPause, MovableClock clock) {
        return DataApiEmulator.builder().cluster(database.localCluster()).autoPause(autoPause).clock(clock).start();
    }

    private static DataApiClient client(DataApiEmulator emulator, RetryBudget budget) {
        return DataApiClients.create(LocalCluster.REGION, Optional.of(emulator.endpoint()), budget);
    }

    private static APIGatewayProxyResponseEvent get(DataApiClient client) {
        JooqDataApi dataApi = new JooqDataApi(client, new DataApiTarget(LocalCluster.RESOURCE_ARN, LocalCluster.SECRET_ARN,
                database.name()));
        GetEc2InfoHandler handler = new GetEc2InfoHandler(LoggedLines.quiet(new InventoryRepository(dataApi)));
        return handler.handleRequest(EventLoader.loadApiGatewayRestEvent("events/get-ec2-info.json"),
                TestContext.create());
    }
}
