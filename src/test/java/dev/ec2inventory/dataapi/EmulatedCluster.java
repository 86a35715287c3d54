package dev.ec2inventory.dataapi;

import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import dev.ec2inventory.local.dataapi.ClusterBinding;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A test database served by the local Data API emulator, reached with the real SDK client as the product builds it:
 * what the integration tests of every layer run through.
 */
public final class EmulatedCluster implements AutoCloseable {

    /** Retries as the product does, with waits of milliseconds instead of seconds. */
    public static final RetryBudget QUICK_RETRIES = new RetryBudget(4, Duration.ofMillis(1), Duration.ofMillis(5));

    public final TestDatabase database;
    public final DataApiEmulator emulator;
    private final DataApiClient client;

    private final boolean ownsEmulator;

    private EmulatedCluster(TestDatabase database, DataApiEmulator emulator, boolean ownsEmulator) {
        this.database = database;
        this.emulator = emulator;
        this.ownsEmulator = ownsEmulator;
        this.client = DataApiClients.create(LocalCluster.REGION, Optional.of(emulator.endpoint()), QUICK_RETRIES);
    }

    /** Over a database with the inventory schema, with an emulator of its own (for harnesses outside JUnit). */
    public static EmulatedCluster migrated(String purpose) {
        TestDatabase database = TestDatabase.migrated(purpose);
        ClusterBinding applicationUser = LocalCluster.applicationUser(database.server(), database.name());
        database.grantApplicationRights(applicationUser);
        return new EmulatedCluster(database, DataApiEmulator.builder().cluster(database.localCluster())
                .cluster(applicationUser).port(0).start(), true);
    }

    /**
     * Over {@code database}, through an emulator that serves the whole test server and outlives this view: every
     * call names its database, so one emulator serves any number of them. Closing drops the database only.
     */
    public static EmulatedCluster sharing(DataApiEmulator emulator, TestDatabase database) {
        return new EmulatedCluster(database, emulator, false);
    }

    public DataApiTarget target() {
        return new DataApiTarget(LocalCluster.RESOURCE_ARN, LocalCluster.SECRET_ARN, database.name());
    }

    /**
     * The translator with quick retries, of calls and of transactions, traced as in production (silently, here: there
     * is no trace).
     */
    public JooqDataApi dataApi() {
        return new JooqDataApi(client, target(), QUICK_RETRIES);
    }

    /** The translator over a client with the given retry budget, which bounds its transactions' retries too. */
    public JooqDataApi dataApi(RetryBudget budget) {
        return new JooqDataApi(DataApiClients.create(LocalCluster.REGION, Optional.of(emulator.endpoint()), budget),
                target(), budget);
    }

    /** A function's environment as template.yaml would set it, pointed at the emulator: the application user's. */
    public Map<String, String> functionEnvironment() {
        return Map.of(
                "DB_NAME", database.name(),
                "DB_CLUSTER_ARN", LocalCluster.RESOURCE_ARN,
                "DB_CRED_SECRETS_STORE_ARN", LocalCluster.APP_SECRET_ARN,
                "AWS_REGION", LocalCluster.REGION,
                "DATA_API_ENDPOINT", emulator.endpoint().toString(),
                "AWS_LAMBDA_LOG_LEVEL", "ERROR");
    }

    public long calls(DataApiOperation operation) {
        return emulator.calls().count(operation);
    }

    public long calls() {
        return emulator.calls().total();
    }

    /** Forgets faults and counts, for the next test. */
    public void reset() {
        emulator.faults().clear();
        emulator.calls().reset();
    }

    @Override
    public void close() {
        client.close();
        if (ownsEmulator) {
            emulator.close();
        }
        database.close();
    }
}
