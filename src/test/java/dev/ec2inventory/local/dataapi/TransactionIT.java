package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.param;
import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ec2inventory.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;

class TransactionIT {

    private static final String OTHER_CLUSTER = "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory-other";

    private static EmulatorFixture fixture;
    private static TestDatabase otherDatabase;

    @BeforeAll
    static void start() {
        otherDatabase = TestDatabase.empty("tx_other");
        fixture = EmulatorFixture.start("tx", settings -> settings.cluster(new ClusterBinding(OTHER_CLUSTER,
                LocalCluster.SECRET_ARN, otherDatabase.server(), otherDatabase.name())));
        fixture.database.execute("CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE)",
                "CREATE TABLE `" + otherDatabase.name() + "`.place (name VARCHAR(20))");
    }

    @AfterAll
    static void stop() {
        fixture.close();
        otherDatabase.close();
    }

    @BeforeEach
    void emptyTables() {
        fixture.database.execute("DELETE FROM item", "DELETE FROM `" + otherDatabase.name() + "`.place");
    }

    @Test
    void transactionIdsAreLongUrlSafeAndNeverRepeat() {
        String first = begin();
        String second = begin();

        assertThat(first).hasSize(96).matches("[A-Za-z0-9_-]+");
        assertThat(second).hasSize(96).matches("[A-Za-z0-9_-]+").isNotEqualTo(first);
        rollback(first);
        rollback(second);
    }

    @Test
    void uncommittedWorkIsInvisibleToOtherCallsUntilCommit() {
        String transaction = begin();
        ExecuteStatementResponse insert = inTransaction(transaction, "INSERT INTO item (name) VALUES (:name)",
                param("name", Field.fromStringValue("pending")));

        assertThat(insert.numberOfRecordsUpdated()).isEqualTo(1);
        assertThat(countOutside()).isZero();
        assertThat(inTransaction(transaction, "SELECT COUNT(*) FROM item").records())
                .containsExactly(List.of(Field.fromLongValue(1L)));

        assertThat(fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction)).transactionStatus())
                .isEqualTo("Transaction Committed");
        assertThat(countOutside()).isEqualTo(1);
    }

    @Test
    void rollbackUndoesTheTransactionsWork() {
        String transaction = begin();
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('undone')");

        assertThat(rollback(transaction)).isEqualTo("Rollback Complete");
        assertThat(countOutside()).isZero();
    }

    @Test
    void everyCallOfATransactionRunsOnTheSameConnection() {
        String transaction = begin();

        Field first = inTransaction(transaction, "SELECT CONNECTION_ID()").records().get(0).get(0);
        Field second = inTransaction(transaction, "SELECT CONNECTION_ID()").records().get(0).get(0);

        assertThat(second).isEqualTo(first);
        rollback(transaction);
    }

    @Test
    void anEndedTransactionIsNotFoundAndSaysWhy() {
        String transaction = begin();
        rollback(transaction);

        TransactionNotFoundException error = catchThrowableOfType(TransactionNotFoundException.class, () ->
                inTransaction(transaction, "SELECT 1"));

        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Transaction " + transaction
                + " isn't found. One previous call resulted in a termination of your transaction.");
        assertThat(catchThrowableOfType(TransactionNotFoundException.class, () -> rollback(transaction))).isNotNull();
    }

    @Test
    void anUnknownTransactionIsNotFoundForEveryOperation() {
        String unknown = "bm90LWEtcmVhbC10cmFuc2FjdGlvbg";

        TransactionNotFoundException onExecute = catchThrowableOfType(TransactionNotFoundException.class, () ->
                inTransaction(unknown, "SELECT 1"));
        TransactionNotFoundException onCommit = catchThrowableOfType(TransactionNotFoundException.class, () ->
                fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                        .secretArn(LocalCluster.SECRET_ARN).transactionId(unknown)));
        TransactionNotFoundException onBatch = catchThrowableOfType(TransactionNotFoundException.class, () ->
                fixture.client.batchExecuteStatement(batch("INSERT INTO item (name) VALUES ('x')").transactionId(unknown)
                        .parameterSets(List.of(List.of())).build()));

        assertThat(onExecute.awsErrorDetails().errorMessage()).endsWith("isn't found. Transaction may be expired.");
        assertThat(onCommit.statusCode()).isEqualTo(404);
        assertThat(onBatch.statusCode()).isEqualTo(404);
        assertThat(countOutside()).isZero();
    }

    @Test
    void aTransactionBelongsToTheClusterThatBeganIt() {
        String transaction = begin();

        TransactionNotFoundException error = catchThrowableOfType(TransactionNotFoundException.class, () ->
                fixture.client.executeStatement(statement("SELECT 1").resourceArn(OTHER_CLUSTER)
                        .transactionId(transaction).build()));

        assertThat(error.statusCode()).isEqualTo(404);
        rollback(transaction);
    }

    @Test
    void theDatabaseNamedAtBeginIsWhereTheTransactionsCallsRun() {
        String transaction = fixture.client.beginTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).database(otherDatabase.name())).transactionId();

        inTransaction(transaction, "INSERT INTO place (name) VALUES ('there')");
        fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction));

        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM `" + otherDatabase.name() + "`.place")).isEqualTo(1);
    }

    @Test
    void aSecondCallWhileTheTransactionRunsAQueryIsRefusedAtOnce() throws Exception {
        String transaction = begin();
        String lock = fixture.database.name() + "_busy";
        try (Connection holder = fixture.database.connect()) {
            lock(holder, lock);
            CompletableFuture<ExecuteStatementResponse> blocked = CompletableFuture.supplyAsync(() ->
                    inTransaction(transaction, "SELECT GET_LOCK(:lock, 30) AS waited_for_busy_test",
                            param("lock", Field.fromStringValue(lock))));
            awaitQueryRunning("waited_for_busy_test");

            DatabaseErrorException busy = catchThrowableOfType(DatabaseErrorException.class, () ->
                    inTransaction(transaction, "SELECT 1"));
            DatabaseErrorException busyCommit = catchThrowableOfType(DatabaseErrorException.class, () ->
                    fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                            .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction)));

            assertThat(busy.statusCode()).isEqualTo(400);
            assertThat(busy.awsErrorDetails().errorMessage()).isEqualTo("Transaction is still running a query");
            assertThat(busyCommit.awsErrorDetails().errorMessage()).isEqualTo("Transaction is still running a query");
            unlock(holder, lock);
            assertThat(blocked.get(30, TimeUnit.SECONDS).records()).containsExactly(List.of(Field.fromLongValue(1L)));
        }
        assertThat(inTransaction(transaction, "SELECT 2").records()).containsExactly(List.of(Field.fromLongValue(2L)));
        rollback(transaction);
    }

    @Test
    void aFailedStatementLeavesTheTransactionUsable() {
        String transaction = begin();
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('kept')");

        catchThrowableOfType(DatabaseErrorException.class, () ->
                inTransaction(transaction, "INSERT INTO item (name) VALUES ('kept')"));
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('also kept')");
        fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction));

        assertThat(countOutside()).isEqualTo(2);
    }

    @Test
    void aFailingBatchInATransactionUndoesOnlyItself() {
        String transaction = begin();
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('before')");

        DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.client.batchExecuteStatement(batch("INSERT INTO item (name) VALUES (:name)")
                        .transactionId(transaction)
                        .parameterSets(names("batch-1", "batch-2", "before"))
                        .build()));
        fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction));

        assertThat(error.awsErrorDetails().errorMessage()).startsWith("Database error code: 1062.");
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item WHERE name = 'before'")).isEqualTo(1);
        assertThat(countOutside()).isEqualTo(1);
    }

    @Test
    void commitAndRollbackWorkAfterTheTransactionTurnedAutocommitBackOn() {
        String committed = begin();
        inTransaction(committed, "SET autocommit = 1");
        inTransaction(committed, "INSERT INTO item (name) VALUES ('autocommitted')");
        String rolledBack = begin();
        inTransaction(rolledBack, "SET autocommit = 1");

        assertThat(fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(committed)).transactionStatus())
                .isEqualTo("Transaction Committed");
        assertThat(rollback(rolledBack)).isEqualTo("Rollback Complete");
        assertThat(countOutside()).isEqualTo(1);
    }

    @Test
    void sqlCommitInsideATransactionKeepsTheTransactionAndItsSession() {
        String transaction = begin();
        Field session = inTransaction(transaction, "SELECT CONNECTION_ID()").records().get(0).get(0);
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('committed by SQL')");

        inTransaction(transaction, "COMMIT");

        assertThat(countOutside()).isEqualTo(1);
        assertThat(inTransaction(transaction, "SELECT CONNECTION_ID()").records().get(0).get(0)).isEqualTo(session);
        rollback(transaction);
        assertThat(countOutside()).isEqualTo(1);
    }

    @Test
    void endingATransactionReleasesTheNamedLocksItsSessionTook() {
        String lock = fixture.database.name() + "_held";
        String committed = begin();
        inTransaction(committed, "SELECT GET_LOCK(:lock, 0)", param("lock", Field.fromStringValue(lock)));
        assertThat(isFreeLock(lock)).isZero();

        fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(committed));
        assertThat(isFreeLock(lock)).as("free after commit").isEqualTo(1);

        String rolledBack = begin();
        inTransaction(rolledBack, "SELECT GET_LOCK(:lock, 0)", param("lock", Field.fromStringValue(lock)));
        rollback(rolledBack);
        assertThat(isFreeLock(lock)).as("free after rollback").isEqualTo(1);
    }

    @Test
    void aPooledSessionComesBackCleanForTheNextCall() {
        Field session = fixture.execute("SELECT CONNECTION_ID()").records().get(0).get(0);
        fixture.execute("SET @left_behind = 1");
        fixture.execute("SET autocommit = 0");
        fixture.execute("SELECT GET_LOCK('" + fixture.database.name() + "_pooled', 0)");

        assertThat(fixture.execute("SELECT CONNECTION_ID()").records().get(0).get(0))
                .as("the next call gets the same pooled session").isEqualTo(session);
        assertThat(fixture.execute("SELECT @left_behind").records()).containsExactly(List.of(Field.fromIsNull(true)));
        fixture.execute("INSERT INTO item (name) VALUES ('committed on its own')");
        assertThat(fixture.database.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(1);
        assertThat(isFreeLock(fixture.database.name() + "_pooled")).isEqualTo(1);
        assertThat(fixture.execute("SELECT @@session.time_zone").records())
                .containsExactly(List.of(Field.fromStringValue("+00:00")));
    }

    /** The server may end an idle connection (a timeout, a KILL): the next call gets a live one, not the error. */
    @Test
    void aPooledSessionTheServerEndedIsReplacedBeforeTheNextCall() {
        Field session = fixture.execute("SELECT CONNECTION_ID()").records().get(0).get(0);
        fixture.database.execute("KILL CONNECTION " + session.longValue());

        Field next = fixture.execute("SELECT CONNECTION_ID()").records().get(0).get(0);

        assertThat(next).isNotEqualTo(session);
    }

    @Test
    void closingTheEmulatorRollsBackOpenTransactions() {
        try (DataApiEmulator second = DataApiEmulator.builder()
                .cluster(fixture.database.localCluster()).start();
                RdsDataClient client = EmulatorFixture.client(second.endpoint(), false)) {
            String transaction = client.beginTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                    .secretArn(LocalCluster.SECRET_ARN)).transactionId();
            client.executeStatement(statement("INSERT INTO item (name) VALUES ('abandoned')")
                    .transactionId(transaction).build());
        }

        assertThat(countOutside()).isZero();
    }

    private static List<List<SqlParameter>> names(String... names) {
        return Arrays.stream(names).map(name -> List.of(param("name", Field.fromStringValue(name)))).toList();
    }

    private static BatchExecuteStatementRequest.Builder batch(String sql) {
        return BatchExecuteStatementRequest.builder()
                .resourceArn(LocalCluster.RESOURCE_ARN).secretArn(LocalCluster.SECRET_ARN).sql(sql);
    }

    private static String begin() {
        return fixture.client.beginTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN)).transactionId();
    }

    private static String rollback(String transaction) {
        return fixture.client.rollbackTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction)).transactionStatus();
    }

    private static ExecuteStatementResponse inTransaction(String transaction, String sql, SqlParameter... parameters) {
        return fixture.client.executeStatement(statement(sql, parameters).transactionId(transaction).build());
    }

    private static long isFreeLock(String name) {
        return fixture.database.queryLong("SELECT IS_FREE_LOCK('" + name + "')");
    }

    private static long countOutside() {
        return fixture.execute("SELECT COUNT(*) FROM item").records().get(0).get(0).longValue();
    }

    static void lock(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 5)")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).as("test lock taken").isEqualTo(1);
            }
        }
    }

    static void unlock(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DO RELEASE_LOCK(?)")) {
            statement.setString(1, name);
            statement.execute();
        }
    }

    /** Waits until the server runs a query containing {@code marker}; fails after 10 seconds. */
    static void awaitQueryRunning(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runningQueries(marker) == 0) {
            assertThat(System.nanoTime()).as("a query with " + marker + " started").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static long runningQueries(String marker) {
        return fixture.database.queryLong("SELECT COUNT(*) FROM information_schema.processlist WHERE id <> CONNECTION_ID() "
                + "AND info LIKE '%" + marker + "%'");
    }
}
