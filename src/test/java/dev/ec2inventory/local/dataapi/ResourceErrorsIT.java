package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.ec2inventory.local.db.DatabaseServer;
import dev.ec2inventory.testing.TestDatabaseServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.HttpEndpointNotEnabledException;
import software.amazon.awssdk.services.rdsdata.model.InvalidSecretException;
import software.amazon.awssdk.services.rdsdata.model.SecretsErrorException;

/** What a call naming the wrong cluster or secret, or a cluster whose database is out of reach, gets. */
class ResourceErrorsIT {

    private static final String ACCOUNT = "arn:aws:rds:us-east-1:123456789012:cluster:";
    private static final String SECRETS = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";
    private static final String DOWN_CLUSTER = ACCOUNT + "down";
    private static final String DOWN_SECRET = SECRETS + "down";
    private static final String BAD_CREDENTIALS_CLUSTER = ACCOUNT + "bad-credentials";
    private static final String BAD_CREDENTIALS_SECRET = SECRETS + "bad-credentials";

    private static EmulatorFixture fixture;
    /**
     * Bound and never listening: a connection to its port is refused. A port merely closed again could be taken by
     * any server this JVM starts meanwhile (other tests' emulators bind loopback ports), which would accept the
     * database connection and leave it waiting.
     */
    private static Socket portNobodyListensOn;

    @BeforeAll
    static void start() throws IOException {
        portNobodyListensOn = new Socket();
        portNobodyListensOn.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DatabaseServer nothingListening = DatabaseServer.mariadb("a port nobody listens on", "127.0.0.1",
                portNobodyListensOn.getLocalPort(), "root", "");
        DatabaseServer serverRefusingUs = new DatabaseServer("the test server, with a wrong password",
                testServer().urlPrefix(), testServer().urlOptions(), "it_no_such_user", "wrong");
        fixture = EmulatorFixture.start("resources", settings -> settings
                .cluster(new ClusterBinding(DOWN_CLUSTER, DOWN_SECRET, nothingListening, "ec2_inventory_db"))
                .cluster(new ClusterBinding(BAD_CREDENTIALS_CLUSTER, BAD_CREDENTIALS_SECRET, serverRefusingUs,
                        "ec2_inventory_db")));
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
        portNobodyListensOn.close();
    }

    @Test
    void theLocalClusterAnswers() {
        assertThat(fixture.execute("SELECT 1").records()).containsExactly(List.of(Field.fromLongValue(1L)));
    }

    @Test
    void anUnknownClusterHasNoHttpEndpoint() {
        String unknown = ACCOUNT + "no-such-cluster";

        HttpEndpointNotEnabledException error = catchThrowableOfType(HttpEndpointNotEnabledException.class, () ->
                fixture.client.executeStatement(statement("SELECT 1").resourceArn(unknown).build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("HttpEndpoint is not enabled for resource " + unknown);
    }

    @Test
    void anUnknownSecretIsASecretsError() {
        SecretsErrorException error = catchThrowableOfType(SecretsErrorException.class, () ->
                fixture.client.executeStatement(statement("SELECT 1").secretArn(SECRETS + "no-such-secret").build()));

        assertThat(error.statusCode()).isEqualTo(400);
    }

    @Test
    void anotherClustersSecretIsInvalidForThisOne() {
        InvalidSecretException error = catchThrowableOfType(InvalidSecretException.class, () ->
                fixture.client.beginTransaction(request -> request.resourceArn(LocalCluster.RESOURCE_ARN)
                        .secretArn(DOWN_SECRET)));

        assertThat(error.statusCode()).isEqualTo(400);
    }

    @Test
    void aSecretWhoseCredentialsTheDatabaseRefusesIsInvalid() {
        if (!serverChecksCredentials()) {
            String reason = "skipped: " + testServer().description() + " accepts any user (the embedded MariaDB runs "
                    + "with --skip-grant-tables); this test runs against servers that check them, such as CI's";
            System.out.println("[ResourceErrorsIT] " + reason);
            abort(reason);
        }
        InvalidSecretException error = catchThrowableOfType(InvalidSecretException.class, () ->
                fixture.client.executeStatement(statement("SELECT 1").resourceArn(BAD_CREDENTIALS_CLUSTER)
                        .secretArn(BAD_CREDENTIALS_SECRET).build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).doesNotContain("it_no_such_user");
    }

    private static boolean serverChecksCredentials() {
        try (Connection accepted = DriverManager.getConnection(
                testServer().urlPrefix() + testServer().urlOptions(), "it_no_such_user", "wrong")) {
            return !accepted.isValid(2);
        } catch (SQLException refused) {
            return true;
        }
    }

    @Test
    void aClusterWhoseDatabaseCannotBeReachedIsUnavailable() {
        DatabaseUnavailableException error = catchThrowableOfType(DatabaseUnavailableException.class, () ->
                fixture.client.executeStatement(statement("SELECT 1").resourceArn(DOWN_CLUSTER)
                        .secretArn(DOWN_SECRET).build()));

        assertThat(error.statusCode()).isEqualTo(504);
    }

    @Test
    @SuppressWarnings("deprecation") // ExecuteSql is deprecated: that is the point
    void executeSqlIsNotSupportedAsOnServerlessV2() {
        BadRequestException error = catchThrowableOfType(BadRequestException.class, () ->
                fixture.client.executeSql(request -> request.dbClusterOrInstanceArn(LocalCluster.RESOURCE_ARN)
                        .awsSecretStoreArn(LocalCluster.SECRET_ARN).sqlStatements("SELECT 1")));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).contains("ExecuteStatement");
        assertThat(fixture.emulator.calls().count(DataApiOperation.EXECUTE_SQL)).isEqualTo(1);
    }

    private static DatabaseServer testServer() {
        return TestDatabaseServer.shared();
    }
}
