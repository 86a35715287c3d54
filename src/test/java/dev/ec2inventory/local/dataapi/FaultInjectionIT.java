package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;

class FaultInjectionIT {

    private static EmulatorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("faults");
        fixture.database.execute("CREATE TABLE item (name VARCHAR(20))");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @AfterEach
    void clearFaults() {
        fixture.emulator.faults().clear();
        fixture.emulator.calls().reset();
        fixture.database.execute("DELETE FROM item");
    }

    @Test
    void failNextFailsTheNextCallsThenCallsSucceedAgain() {
        fixture.emulator.faults().failNext(2, DataApiFault.of("DatabaseResumingException", "The database is resuming"));

        DatabaseResumingException first = catchThrowableOfType(DatabaseResumingException.class, () ->
                fixture.execute("SELECT 1"));
        DatabaseResumingException second = catchThrowableOfType(DatabaseResumingException.class, () ->
                fixture.execute("SELECT 1"));

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(first.awsErrorDetails().errorMessage()).isEqualTo("The database is resuming");
        assertThat(second).isNotNull();
        assertThat(fixture.execute("SELECT 1").records()).containsExactly(List.of(Field.fromLongValue(1L)));
        assertThat(fixture.emulator.calls().count(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(3);
    }

    @Test
    void failNthCallFromNowFailsOnlyThatCall() {
        fixture.emulator.faults().failNthCallFromNow(2, DataApiFault.of("ServiceUnavailableError", "try later"));

        fixture.execute("SELECT 1");
        RdsDataException failed = catchThrowableOfType(RdsDataException.class, () -> fixture.execute("SELECT 1"));
        fixture.execute("SELECT 1");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailableError");
    }

    @Test
    void aFaultedCallDoesNotRunItsStatement() {
        fixture.emulator.faults().failNext(1, DataApiFault.of("DatabaseResumingException", "resuming"));

        catchThrowableOfType(DatabaseResumingException.class, () ->
                fixture.execute("INSERT INTO item (name) VALUES ('never')"));

        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isZero();
    }

    @Test
    void theSdkRetriesARetryableFaultAndEveryAttemptIsCounted() {
        fixture.emulator.faults().failNext(2, DataApiFault.of("ServiceUnavailableError", "try later"));

        try (RdsDataClient retrying = EmulatorFixture.client(fixture.emulator.endpoint(), true)) {
            assertThat(retrying.executeStatement(statement("SELECT 1").build()).records())
                    .containsExactly(List.of(Field.fromLongValue(1L)));
        }

        assertThat(fixture.emulator.calls().count(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(3);
    }

    @Test
    void addedLatencyDelaysEveryCall() {
        Duration latency = Duration.ofMillis(150);
        fixture.emulator.faults().addLatency(latency);

        long started = System.nanoTime();
        fixture.execute("SELECT 1");
        fixture.execute("SELECT 1");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency.multipliedBy(2));
    }

    @Test
    void callsAreCountedPerOperationFailedOrNotAndReset() {
        String transaction = fixture.client.beginTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN)).transactionId();
        fixture.client.executeStatement(statement("SELECT 1").transactionId(transaction).build());
        fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction));
        catchThrowableOfType(RdsDataException.class, () -> fixture.execute("SELEC 1"));
        catchThrowableOfType(RdsDataException.class, () -> fixture.client.rollbackTransaction(request -> request
                .resourceArn(LocalCluster.RESOURCE_ARN).secretArn(LocalCluster.SECRET_ARN).transactionId(transaction)));
        fixture.client.batchExecuteStatement(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).sql("INSERT INTO item VALUES ('x')").parameterSets(List.of(List.of())));

        DataApiCalls calls = fixture.emulator.calls();
        assertThat(calls.count(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(1);
        assertThat(calls.count(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(2);
        assertThat(calls.count(DataApiOperation.COMMIT_TRANSACTION)).isEqualTo(1);
        assertThat(calls.count(DataApiOperation.ROLLBACK_TRANSACTION)).isEqualTo(1);
        assertThat(calls.count(DataApiOperation.BATCH_EXECUTE_STATEMENT)).isEqualTo(1);
        assertThat(calls.count(DataApiOperation.EXECUTE_SQL)).isZero();
        assertThat(calls.total()).isEqualTo(6);

        calls.reset();
        assertThat(calls.total()).isZero();
        assertThat(calls.count(DataApiOperation.EXECUTE_STATEMENT)).isZero();
    }

    /** An injected database error fails the call as the statement would have, without running it. */
    @Test
    void anInjectedDeadlockReachesTheSdkAsTheServicesDatabaseError() {
        fixture.emulator.faults().failNext(1, DataApiFault.deadlock());

        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.execute("INSERT INTO item (name) VALUES ('never')"));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Database error code: 1213. Message: Deadlock"
                + " found when trying to get lock; try restarting transaction");
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isZero();
    }

    /** Every error the emulator can send reaches the SDK as its own exception class, with the model's status. */
    @ParameterizedTest
    @EnumSource(value = DataApiErrorType.class, names = {"VALIDATION", "UNKNOWN_OPERATION", "REQUEST_TOO_LARGE"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyModelErrorBecomesTheSdksTypedException(DataApiErrorType type) {
        fixture.emulator.faults().failNext(1, DataApiFault.of(type, "injected " + type.wireName()));

        RdsDataException error = catchThrowableOfType(RdsDataException.class, () -> fixture.execute("SELECT 1"));

        String expectedClass = type.wireName().endsWith("Exception") ? type.wireName() : type.wireName() + "Exception";
        assertThat(error.getClass().getSimpleName()).isEqualTo(expectedClass);
        assertThat(error.statusCode()).isEqualTo(type.statusCode());
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(type.wireName());
    }
}
