package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;

/**
 * Statements that end MySQL's transaction inside a Data API transaction. That a DDL statement commits implicitly is
 * documented ("For Aurora MySQL, DDL statements inside a transaction cause an implicit commit"); what the service
 * does with the transaction id afterwards, and with {@code COMMIT}, {@code ROLLBACK} or {@code START TRANSACTION}
 * sent as SQL, is not. The emulator's choice, pinned here: MySQL decides, the transaction id stays usable on the same
 * session, and CommitTransaction or RollbackTransaction then ends whatever MySQL transaction is open. The opposite
 * reading, that such a statement ends the Data API transaction too, is an option, tested here as well.
 */
class ImplicitCommitIT {

    private static EmulatorFixture fixture;
    /** The same database, behind an emulator where an implicit commit also ends the Data API transaction. */
    private static DataApiEmulator ending;
    private static RdsDataClient endingClient;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("implicit_commit");
        fixture.database.execute("CREATE TABLE item (name VARCHAR(40) PRIMARY KEY)");
        ending = DataApiEmulator.builder().cluster(fixture.database.localCluster())
                .implicitCommitEndsTransaction(true).start();
        endingClient = EmulatorFixture.client(ending.endpoint(), false);
    }

    @AfterAll
    static void stop() {
        endingClient.close();
        ending.close();
        fixture.close();
    }

    @BeforeEach
    void emptyTable() {
        fixture.database.execute("DELETE FROM item", "DROP TABLE IF EXISTS made_in_transaction");
    }

    @Test
    void aDdlStatementCommitsWhatTheTransactionDidBeforeIt() {
        String transaction = begin();
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('before the DDL')");

        inTransaction(transaction, "CREATE TABLE made_in_transaction (id INT)");
        rollback(transaction);

        assertThat(namesOutside()).isEqualTo("before the DDL");
    }

    @Test
    void afterADdlStatementTheTransactionGoesOnOnTheSameSessionWithItsLaterWorkItsOwn() {
        String rolledBack = begin();
        Field session = connectionId(rolledBack);
        inTransaction(rolledBack, "CREATE TABLE made_in_transaction (id INT)");
        inTransaction(rolledBack, "INSERT INTO item (name) VALUES ('after the DDL, rolled back')");
        assertThat(connectionId(rolledBack)).isEqualTo(session);
        rollback(rolledBack);
        String committed = begin();
        inTransaction(committed, "DROP TABLE made_in_transaction");
        inTransaction(committed, "INSERT INTO item (name) VALUES ('after the DDL, committed')");

        assertThat(namesOutside()).isEmpty();
        assertThat(commit(committed)).isEqualTo("Transaction Committed");
        assertThat(namesOutside()).isEqualTo("after the DDL, committed");
    }

    @Test
    void sqlRollbackUndoesTheWorkSoFarAndTheTransactionGoesOn() {
        String transaction = begin();
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('undone by SQL')");

        inTransaction(transaction, "ROLLBACK");
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('after the SQL rollback')");

        assertThat(commit(transaction)).isEqualTo("Transaction Committed");
        assertThat(namesOutside()).isEqualTo("after the SQL rollback");
    }

    @Test
    void startTransactionInsideATransactionCommitsWhatCameBeforeIt() {
        String transaction = begin();
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('before START TRANSACTION')");

        inTransaction(transaction, "START TRANSACTION");
        inTransaction(transaction, "INSERT INTO item (name) VALUES ('after START TRANSACTION')");
        rollback(transaction);

        assertThat(namesOutside()).isEqualTo("before START TRANSACTION");
    }

    @Test
    void withTheOptionOnAnImplicitCommitAlsoEndsTheDataApiTransaction() {
        String transaction = endingClient.beginTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN)).transactionId();
        endingClient.executeStatement(statement("INSERT INTO item (name) VALUES ('before the DDL')")
                .transactionId(transaction).build());
        endingClient.executeStatement(statement("SELECT 1").transactionId(transaction).build());

        endingClient.executeStatement(statement("CREATE TABLE made_in_transaction (id INT)")
                .transactionId(transaction).build());

        TransactionNotFoundException gone = catchThrowableOfType(() -> endingClient.commitTransaction(request -> request
                .resourceArn(LocalCluster.RESOURCE_ARN).secretArn(LocalCluster.SECRET_ARN).transactionId(transaction)),
                TransactionNotFoundException.class);
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Transaction " + transaction
                + " isn't found. One previous call resulted in a termination of your transaction.");
        assertThat(namesOutside()).isEqualTo("before the DDL");
    }

    private static String begin() {
        return fixture.client.beginTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN)).transactionId();
    }

    private static String commit(String transaction) {
        return fixture.client.commitTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction)).transactionStatus();
    }

    private static void rollback(String transaction) {
        fixture.client.rollbackTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).transactionId(transaction));
    }

    private static ExecuteStatementResponse inTransaction(String transaction, String sql) {
        return fixture.client.executeStatement(statement(sql).transactionId(transaction).build());
    }

    private static Field connectionId(String transaction) {
        return inTransaction(transaction, "SELECT CONNECTION_ID()").records().get(0).get(0);
    }

    /** The names stored, as another call sees them, comma-separated; empty when there are none. */
    private static String namesOutside() {
        return fixture.execute("SELECT COALESCE(GROUP_CONCAT(name ORDER BY name), '') FROM item").records().get(0).get(0)
                .stringValue();
    }
}
