package dev.ec2inventory.dataapi.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.update;

import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real deadlock between two Data API transactions, on a real database through the emulator. */
@EmulatedDatabase(migrated = false)
class DeadlockIT {

    private static final Table<Record> COUNTER = table(name("counter"));
    private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR(10));
    private static final Field<Integer> VALUE = field(name("value"), SQLDataType.INTEGER);

    private static EmulatedCluster cluster;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        cluster.database.execute("CREATE TABLE counter (name VARCHAR(10) PRIMARY KEY, value INT NOT NULL)",
                "INSERT INTO counter VALUES ('a', 0), ('b', 0)");
    }

    /**
     * Each transaction locks one row, waits until the other has locked its own, then asks for the other's: InnoDB
     * picks a victim and rolls it back with 1213. The victim is run again whole, and both increments land once.
     */
    @Test
    void theVictimOfARealDeadlockIsRunAgainAndBothTransactionsLand() throws Exception {
        JooqDataApi dataApi = cluster.dataApi();
        CountDownLatch bothHoldOneRow = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<Integer> forward = CompletableFuture.supplyAsync(() ->
                dataApi.transaction(tx -> incrementInOrder(tx, "a", "b", bothHoldOneRow, runs)));
        CompletableFuture<Integer> backward = CompletableFuture.supplyAsync(() ->
                dataApi.transaction(tx -> incrementInOrder(tx, "b", "a", bothHoldOneRow, runs)));

        assertThat(forward.get(1, TimeUnit.MINUTES)).isEqualTo(2);
        assertThat(backward.get(1, TimeUnit.MINUTES)).isEqualTo(2);
        assertThat(runs).as("the victim ran twice").hasValue(3);
        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(3);
        assertThat(cluster.calls(DataApiOperation.ROLLBACK_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.COMMIT_TRANSACTION)).isEqualTo(2);
        assertThat(cluster.database.queryLong("SELECT SUM(value) FROM counter WHERE name IN ('a', 'b')"))
                .isEqualTo(4);
    }

    private static int incrementInOrder(DataApiTransaction tx, String first, String second, CountDownLatch bothHoldOneRow,
            AtomicInteger runs) {
        runs.incrementAndGet();
        int changed = tx.execute(update(COUNTER).set(VALUE, VALUE.plus(1)).where(NAME.eq(first)));
        bothHoldOneRow.countDown();
        try {
            // A retried run finds the latch open and goes straight on.
            assertThat(bothHoldOneRow.await(30, TimeUnit.SECONDS)).as("the other transaction locked its row").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return changed + tx.execute(update(COUNTER).set(VALUE, VALUE.plus(1)).where(NAME.eq(second)));
    }
}
