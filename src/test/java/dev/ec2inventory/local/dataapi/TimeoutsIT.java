package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.param;
import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;

/**
 * The statement timeout and the transaction idle timeout, shortened to 1 and 2 seconds. The only timing-dependent
 * tests of the emulator: they wait for those durations with wide margins, and poll (bounded) for their effects.
 */
class TimeoutsIT {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static EmulatorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("timeouts", settings -> settings
                .statementTimeout(STATEMENT_TIMEOUT)
                .transactionIdleTimeout(IDLE_TIMEOUT));
        fixture.database.execute("CREATE TABLE done (v INT)");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aStatementPastTheTimeoutFailsAndIsCancelled() throws Exception {
        String lock = fixture.database.name() + "_cancel";
        try (Connection holder = fixture.database.connect()) {
            hold(holder, lock);
            long started = System.nanoTime();

            StatementTimeoutException error = catchThrowableOfType(StatementTimeoutException.class, () ->
                    fixture.execute("SELECT GET_LOCK(:lock, 60) AS cancelled_by_timeout_test",
                            param("lock", Field.fromStringValue(lock))));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(STATEMENT_TIMEOUT);
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.dbConnectionId()).isPositive();
            awaitZero(() -> runningQueries("cancelled_by_timeout_test"));
        }
    }

    @Test
    void continueAfterTimeoutLetsTheStatementFinishAfterTheCallFails() throws Exception {
        String lock = fixture.database.name() + "_continue";
        try (Connection holder = fixture.database.connect()) {
            hold(holder, lock);

            StatementTimeoutException error = catchThrowableOfType(StatementTimeoutException.class, () ->
                    fixture.client.executeStatement(statement(
                            "INSERT INTO done (v) SELECT 1 FROM DUAL WHERE GET_LOCK(:lock, 60) = 1",
                            param("lock", Field.fromStringValue(lock)))
                            .continueAfterTimeout(true).build()));

            assertThat(error).isNotNull();
            assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM done")).isZero();
            release(holder, lock);
            awaitZero(() -> 1 - fixture.database.queryLong("SELECT COUNT(*) FROM done"));
        }
    }

    @Test
    void anIdleTransactionIsRolledBackAndItsConnectionClosed() throws Exception {
        String transaction = begin();
        inTransaction(transaction, "INSERT INTO done (v) VALUES (2)");
        long connectionId = inTransaction(transaction, "SELECT CONNECTION_ID()").get(0).longValue();

        Thread.sleep(IDLE_TIMEOUT.multipliedBy(2).toMillis());

        TransactionNotFoundException error = catchThrowableOfType(TransactionNotFoundException.class, () ->
                inTransaction(transaction, "SELECT 1"));
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.awsErrorDetails().errorMessage()).endsWith("Transaction may be expired.");
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM done WHERE v = 2")).isZero();
        awaitZero(() -> fixture.database.queryLong("SELECT COUNT(*) FROM information_schema.processlist WHERE id = "
                + connectionId));
    }

    @Test
    void aTransactionInUseDoesNotExpire() throws Exception {
        String transaction = begin();
        Duration pause = IDLE_TIMEOUT.dividedBy(3);

        for (int call = 0; call < 4; call++) {
            Thread.sleep(pause.toMillis());
            inTransaction(transaction, "SELECT 1");
        }

        assertThat(fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction)).transactionStatus())
                .isEqualTo("Transaction Committed");
    }

    private static String begin() {
        return fixture.client.beginTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN)).transactionId();
    }

    private static List<Field> inTransaction(String transaction, String sql) {
        return fixture.client.executeStatement(statement(sql).transactionId(transaction).build()).records().stream()
                .findFirst().orElse(List.of());
    }

    private static long runningQueries(String marker) {
        return fixture.database.queryLong("SELECT COUNT(*) FROM information_schema.processlist WHERE id <> CONNECTION_ID() "
                + "AND info LIKE '%" + marker + "%'");
    }

    private static void awaitZero(LongSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (count.getAsLong() != 0) {
            assertThat(System.nanoTime()).as("reached within " + PATIENCE).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void hold(Connection connection, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 5)")) {
            statement.setString(1, lock);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).as("test lock taken").isEqualTo(1);
            }
        }
    }

    private static void release(Connection connection, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DO RELEASE_LOCK(?)")) {
            statement.setString(1, lock);
            statement.execute();
        }
    }
}
