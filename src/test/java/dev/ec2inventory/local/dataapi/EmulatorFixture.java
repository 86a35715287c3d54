package dev.ec2inventory.local.dataapi;

import dev.ec2inventory.testing.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/**
 * One test database, one emulator serving it as the local cluster, and the real SDK client pointed at it, shared by
 * the tests of one class. The client does not retry, so every call a test makes is exactly one request.
 */
final class EmulatorFixture implements AutoCloseable {

    final TestDatabase database;
    final DataApiEmulator emulator;
    final RdsDataClient client;

    private EmulatorFixture(TestDatabase database, DataApiEmulator emulator) {
        this.database = database;
        this.emulator = emulator;
        this.client = client(emulator.endpoint(), false);
    }

    static EmulatorFixture start(String purpose) {
        return start(purpose, settings -> settings);
    }

    static EmulatorFixture start(String purpose, UnaryOperator<DataApiEmulator.Builder> settings) {
        TestDatabase database = TestDatabase.empty(purpose);
        DataApiEmulator emulator = settings.apply(DataApiEmulator.builder().cluster(database.localCluster())).start();
        return new EmulatorFixture(database, emulator);
    }

    /** The real SDK client as the product builds it: URLConnection, us-east-1, static fake credentials. */
    static RdsDataClient client(URI endpoint, boolean sdkRetries) {
        return LocalCluster.clientBuilder(endpoint)
                .overrideConfiguration(config -> {
                    if (!sdkRetries) {
                        config.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                })
                .build();
    }

    /** An ExecuteStatement request on the local cluster, to be completed by the test. */
    static ExecuteStatementRequest.Builder statement(String sql, SqlParameter... parameters) {
        return ExecuteStatementRequest.builder()
                .resourceArn(LocalCluster.RESOURCE_ARN)
                .secretArn(LocalCluster.SECRET_ARN)
                .sql(sql)
                .parameters(parameters);
    }

    ExecuteStatementResponse execute(String sql, SqlParameter... parameters) {
        return client.executeStatement(statement(sql, parameters).build());
    }

    static SqlParameter param(String name, Field value) {
        return SqlParameter.builder().name(name).value(value).build();
    }

    static SqlParameter param(String name, String value, TypeHint typeHint) {
        return SqlParameter.builder().name(name).value(Field.fromStringValue(value)).typeHint(typeHint).build();
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
        database.close();
    }
}
