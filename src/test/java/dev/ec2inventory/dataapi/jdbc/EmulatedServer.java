package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiClients;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.testing.TestDatabase;
import dev.ec2inventory.testing.TestDatabaseServer;
import java.util.Optional;

/**
 * The Data API emulator serving the local cluster on the shared test server, and one client for it. The driver names
 * its database in every call, so one emulator serves any number of test databases.
 */
final class EmulatedServer implements AutoCloseable {

    final DataApiEmulator emulator;
    private final DataApiClient client;

    private EmulatedServer(DataApiEmulator emulator) {
        this.emulator = emulator;
        this.client = DataApiClients.create(LocalCluster.REGION, Optional.of(emulator.endpoint()),
                EmulatedCluster.QUICK_RETRIES);
    }

    static EmulatedServer start() {
        return new EmulatedServer(DataApiEmulator.builder().cluster(LocalCluster.on(TestDatabaseServer.shared())).start());
    }

    DataApiDataSource dataSource(TestDatabase database) {
        return new DataApiDataSource(client, new DataApiTarget(LocalCluster.RESOURCE_ARN, LocalCluster.SECRET_ARN,
                database.name()), StatementRecovery.NONE);
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
