package dev.ec2inventory.local.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataApiFaultsTest {

    private static final DataApiFault RESUMING = DataApiFault.of("DatabaseResumingException", "resuming");
    private static final DataApiFault UNAVAILABLE = DataApiFault.of("ServiceUnavailableError", "down");

    private final DataApiFaults faults = new DataApiFaults();

    @Test
    void failNextFailsExactlyTheNextCalls() {
        faults.failNext(2, RESUMING);

        assertThat(nextFaults(4)).containsExactly(Optional.of(RESUMING), Optional.of(RESUMING), Optional.empty(),
                Optional.empty());
    }

    @Test
    void failNthCallFromNowCountsTheVeryNextCallAsOne() {
        faults.nextCall();
        faults.failNthCallFromNow(3, RESUMING);

        assertThat(nextFaults(4)).containsExactly(Optional.empty(), Optional.empty(), Optional.of(RESUMING),
                Optional.empty());
    }

    @Test
    void theFaultPlannedLastWinsWhenTwoFallOnTheSameCall() {
        faults.failNext(2, RESUMING);
        faults.failNthCallFromNow(2, UNAVAILABLE);

        assertThat(nextFaults(2)).containsExactly(Optional.of(RESUMING), Optional.of(UNAVAILABLE));
    }

    @Test
    void latencyAddsUpUntilCleared() {
        faults.addLatency(Duration.ofMillis(20));
        faults.addLatency(Duration.ofMillis(30));
        faults.failNext(1, RESUMING);

        assertThat(faults.nextCall().latency()).isEqualTo(Duration.ofMillis(50));

        faults.failNext(1, RESUMING);
        faults.clear();
        DataApiFaults.Plan plan = faults.nextCall();
        assertThat(plan.latency()).isZero();
        assertThat(plan.fault()).isEmpty();
    }

    @Test
    void aDatabaseErrorIsWordedAsTheServiceWordsIt() {
        DataApiFault deadlock = DataApiFault.deadlock();

        assertThat(deadlock.type()).isEqualTo("DatabaseErrorException");
        assertThat(deadlock.statusCode()).isEqualTo(400);
        assertThat(deadlock.message()).isEqualTo("Database error code: 1213. Message: Deadlock found when trying to get"
                + " lock; try restarting transaction");
        assertThat(DataApiFault.lockWaitTimeout().message())
                .isEqualTo("Database error code: 1205. Message: Lock wait timeout exceeded; try restarting transaction");
        assertThat(DataApiFault.databaseError(1146, "Table 'db.nope' doesn't exist").message())
                .isEqualTo("Database error code: 1146. Message: Table 'db.nope' doesn't exist");
        assertThatThrownBy(() -> DataApiFault.databaseError(0, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> faults.failNext(0, RESUMING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.failNthCallFromNow(0, RESUMING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.addLatency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFaultOfAKnownTypeTakesItsStatusFromTheModel() {
        assertThat(DataApiFault.of("DatabaseResumingException", "m").statusCode()).isEqualTo(400);
        assertThat(DataApiFault.of("DatabaseUnavailableException", "m").statusCode()).isEqualTo(504);
        assertThat(DataApiFault.of("ServiceUnavailableError", "m").statusCode()).isEqualTo(503);
        assertThat(DataApiFault.of("TransactionNotFoundException", "m").statusCode()).isEqualTo(404);
        assertThat(DataApiFault.of("ForbiddenException", "m").statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> DataApiFault.of("NoSuchException", "m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DatabaseResumingException");
        assertThat(new DataApiFault("ThrottlingException", 429, "slow down").statusCode()).isEqualTo(429);
    }

    private List<Optional<DataApiFault>> nextFaults(int calls) {
        List<Optional<DataApiFault>> planned = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            planned.add(faults.nextCall().fault());
        }
        return planned;
    }
}
