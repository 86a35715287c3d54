package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.testing.TestDatabase;
import dev.ec2inventory.testing.TestDatabaseServer;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The Data API emulator serving the local cluster on the shared test server, and driver URLs for test databases on
 * it. The driver names its database in every call, so one emulator serves any number of test databases.
 */
final class EmulatedServer implements AutoCloseable {

    final DataApiEmulator emulator;

    private EmulatedServer(DataApiEmulator emulator) {
        this.emulator = emulator;
    }

    static EmulatedServer start() {
        return start(settings -> settings);
    }

    static EmulatedServer start(UnaryOperator<DataApiEmulator.Builder> settings) {
        return new EmulatedServer(settings.apply(DataApiEmulator.builder()
                .cluster(LocalCluster.on(TestDatabaseServer.shared()))).start());
    }

    /** The database through this emulator, with the credentials of the SDK's default chain (the build sets them). */
    DataApiUrl url(TestDatabase database) {
        return url(emulator, database);
    }

    DataApiDataSource dataSource(TestDatabase database) {
        return new DataApiDataSource(url(database));
    }

    /** The database through {@code emulator}, which serves the local cluster on the test server. */
    static DataApiUrl url(DataApiEmulator emulator, TestDatabase database) {
        return new DataApiUrl(new DataApiTarget(LocalCluster.RESOURCE_ARN, LocalCluster.SECRET_ARN, database.name()),
                Optional.of(emulator.endpoint()), Optional.of(LocalCluster.REGION));
    }

    @Override
    public void close() {
        emulator.close();
    }
}
