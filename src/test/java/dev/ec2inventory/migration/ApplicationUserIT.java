package dev.ec2inventory.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.local.cfn.ResponseCapture;
import dev.ec2inventory.local.dataapi.ClusterBinding;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.migration.MigrationRun.Answer;
import dev.ec2inventory.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.InvalidSecretException;

/**
 * The application user the migration function sets up, proven through the real SDK against the emulator, which runs
 * each call as its secret's account on a server that checks grants: the API's secret reads and writes the inventory
 * and nothing else; the master's still migrates.
 */
class ApplicationUserIT {

    private TestDatabase database;
    private ClusterBinding applicationUser;
    private DataApiEmulator emulator;
    private ResponseCapture capture;
    private RdsDataClient client;

    @BeforeEach
    void start() {
        database = TestDatabase.empty("app_user");
        applicationUser = LocalCluster.applicationUser(database.server(), database.name());
        emulator = DataApiEmulator.builder().cluster(database.localCluster()).cluster(applicationUser).start();
        capture = ResponseCapture.start();
        client = LocalCluster.clientBuilder(emulator.endpoint())
                .overrideConfiguration(override -> override.retryStrategy(retry -> retry.maxAttempts(1))).build();
    }

    @AfterEach
    void stop() {
        client.close();
        capture.close();
        emulator.close();
        database.close();
    }

    @Test
    void afterAMigrationTheApplicationUserHasExactlyTheFourRightsOnTheInventoryDatabase() throws SQLException {
        Answer answer = migrate("Create", null);

        assertThat(answer.status()).as(answer.reason()).isEqualTo("SUCCESS");
        assertThat(rights()).containsExactly(
                "DELETE on " + database.name(), "INSERT on " + database.name(), "SELECT on " + database.name(),
                "UPDATE on " + database.name(), "USAGE on *.*");
        assertThat(answer.log()).anySatisfy(line -> assertThat(line).contains("application user "
                + user() + ": created").contains("SELECT, INSERT, UPDATE, DELETE on " + database.name() + " only"));
    }

    @Test
    void theApiSecretReadsAndWritesTheInventory() {
        migrate("Create", null);

        runAsApplication("INSERT INTO ec2 (aws_instance_id, aws_region, aws_account) "
                + "VALUES ('i-app', 'us-east-1', '123456789012')");
        runAsApplication("UPDATE ec2 SET aws_region = 'eu-west-1' WHERE aws_instance_id = 'i-app'");
        assertThat(runAsApplication("SELECT aws_region FROM ec2 WHERE aws_instance_id = 'i-app'").records().get(0)
                .get(0).stringValue()).isEqualTo("eu-west-1");
        assertThat(runAsApplication("DELETE FROM ec2 WHERE aws_instance_id = 'i-app'").numberOfRecordsUpdated())
                .isEqualTo(1);
    }

    @Test
    void theApiSecretCanNeitherChangeTheSchemaNorReadTheDatabaseUsers() {
        migrate("Create", null);

        for (String forbidden : new String[] {"DROP TABLE ec2_package", "CREATE TABLE intruder (id INT)",
                "SELECT User, authentication_string FROM mysql.user"}) {
            assertThatThrownBy(() -> runAsApplication(forbidden)).as(forbidden)
                    .isInstanceOf(DatabaseErrorException.class).hasMessageContaining("1142");
        }
        assertThat(database.queryLong("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                + database.name() + "' AND TABLE_NAME IN ('ec2_package', 'intruder')")).isEqualTo(1);
        assertThat(runAsMaster("SELECT COUNT(*) FROM mysql.user").records()).hasSize(1);
    }

    @Test
    void aLaterMigrationTakesBackRightsGivenByHand() throws SQLException {
        migrate("Create", null);
        database.execute("GRANT DROP, CREATE ON `" + database.name() + "`.* TO '" + user() + "'@'%'",
                "GRANT SELECT ON mysql.user TO '" + user() + "'@'%'",
                "GRANT PROCESS ON *.* TO '" + user() + "'@'%'");

        Answer answer = migrate("Update", "ec2-inventory-local/" + database.name());

        assertThat(answer.status()).as(answer.reason()).isEqualTo("SUCCESS");
        assertThat(rights()).containsExactly(
                "DELETE on " + database.name(), "INSERT on " + database.name(), "SELECT on " + database.name(),
                "UPDATE on " + database.name(), "USAGE on *.*");
        assertThat(answer.log()).anySatisfy(line -> assertThat(line).contains("other rights revoked"));
    }

    @Test
    void aLaterMigrationGivesTheUserTheSecretsPasswordAgain() {
        migrate("Create", null);
        database.execute("ALTER USER '" + user() + "'@'%' IDENTIFIED BY 'changedByHand12345'");
        assertThatThrownBy(() -> runAsApplication("SELECT 1")).isInstanceOf(InvalidSecretException.class);

        Answer answer = migrate("Update", "ec2-inventory-local/" + database.name());

        assertThat(answer.status()).as(answer.reason()).isEqualTo("SUCCESS");
        assertThat(answer.log()).anySatisfy(line -> assertThat(line).contains(": password set from its secret"));
        assertThat(runAsApplication("SELECT 1").records()).hasSize(1);
    }

    @Test
    void thePasswordReachesNeitherTheLogNorCloudFormation() {
        Answer created = migrate("Create", null);
        Answer updated = migrate("Update", created.physicalResourceId());

        assertThat(updated.log()).as("a user whose secret signs in is sent no password")
                .anySatisfy(line -> assertThat(line).contains("application user " + user() + ": signs in with its "
                        + "secret;"));
        String password = applicationUser.databaseServer().password();
        for (Answer answer : new Answer[] {created, updated}) {
            assertThat(answer.log()).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(password));
            assertThat(answer.data().toString()).doesNotContain(password);
        }
    }

    @Test
    void aPasswordThatSqlWouldHaveToEscapeFailsTheMigrationWithoutQuotingIt() {
        String quoting = "it's-a-trap\\";
        ClusterBinding unsafe = new ClusterBinding(LocalCluster.RESOURCE_ARN,
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:unsafe-app", database.server().as(user(),
                        quoting), database.name());
        try (DataApiEmulator withUnsafeSecret = DataApiEmulator.builder().cluster(database.localCluster())
                .cluster(unsafe).start()) {
            Answer answer = MigrationRun.invokeWithApplicationUser(withUnsafeSecret, database, "Create", null, capture,
                    unsafe.secretArn());

            assertThat(answer.status()).isEqualTo("FAILED");
            assertThat(answer.reason()).contains("letters and digits").doesNotContain(quoting);
            assertThat(answer.log()).noneSatisfy(line -> assertThat(line).contains(quoting));
            assertThat(database.queryLong("SELECT COUNT(*) FROM mysql.user WHERE User = '" + user() + "'")).isZero();
        }
    }

    @Test
    void aSecretSecretsManagerDoesNotHaveFailsTheMigrationSayingSo() {
        Answer answer = MigrationRun.invokeWithApplicationUser(emulator, database, "Create", null, capture,
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:no-such-secret");

        assertThat(answer.status()).isEqualTo("FAILED");
        assertThat(answer.reason()).contains("ResourceNotFoundException").doesNotContain("no-such-secret");
    }

    private Answer migrate(String requestType, String physicalResourceId) {
        return MigrationRun.invokeWithApplicationUser(emulator, database, requestType, physicalResourceId, capture,
                LocalCluster.APP_SECRET_ARN);
    }

    private String user() {
        return applicationUser.databaseServer().user();
    }

    private ExecuteStatementResponse runAsApplication(String sql) {
        return client.executeStatement(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.APP_SECRET_ARN).database(database.name()).sql(sql));
    }

    private ExecuteStatementResponse runAsMaster(String sql) {
        return client.executeStatement(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN).database(database.name()).sql(sql));
    }

    /** Every right of the user, "PRIVILEGE on where", as the server reports them to root. */
    private Set<String> rights() throws SQLException {
        String grantee = "'" + user() + "'@'%'";
        Set<String> rights = new TreeSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT PRIVILEGE_TYPE, '*.*' FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = \""
                                + grantee + "\" UNION ALL SELECT PRIVILEGE_TYPE, TABLE_SCHEMA FROM "
                                + "information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = \"" + grantee
                                + "\" UNION ALL SELECT PRIVILEGE_TYPE, CONCAT(TABLE_SCHEMA, '.', TABLE_NAME) FROM "
                                + "information_schema.TABLE_PRIVILEGES WHERE GRANTEE = \"" + grantee + "\"")) {
            while (rows.next()) {
                rights.add(rows.getString(1) + " on " + rows.getString(2));
            }
        }
        return rights;
    }
}
