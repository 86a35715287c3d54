package dev.ec2inventory.testing;

import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.ClusterBinding;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The integration tests' one database fixture, the shape of Testcontainers' JUnit 5 extension:
 * <ul>
 *   <li>once per run, the Data API emulator serving the local cluster on the test server ({@link TestDatabaseServer}
 *       chooses it), kept in the root store so that JUnit stops it when the run ends;</li>
 *   <li>per test class, a database of its own ({@link TestDatabase}: created, migrated with Flyway unless the class
 *       asks for an empty one, dropped when the class is done), seen through the run's emulator as an
 *       {@link EmulatedCluster};</li>
 *   <li>after each test, the emulator's injected faults and call counts are forgotten and, in a migrated database,
 *       the inventory rows deleted.</li>
 * </ul>
 * Tests of one run share the emulator one class after another (Surefire and Failsafe run classes in sequence here),
 * so counts and faults belong to the class that runs.
 */
public final class EmulatedDatabaseExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(EmulatedDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        RunEmulator run = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunEmulator.class, key -> new RunEmulator(), RunEmulator.class);
        DataApiEmulator emulator = run.emulator;
        emulator.faults().clear();
        emulator.calls().reset();
        TestDatabase database = migrated(context)
                ? TestDatabase.migrated(purpose(context))
                : TestDatabase.empty(purpose(context));
        database.grantApplicationRights(run.applicationUser);
        context.getStore(NAMESPACE).put(EmulatedCluster.class, EmulatedCluster.sharing(emulator, database));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        EmulatedCluster cluster = cluster(context);
        cluster.reset();
        if (migrated(context)) {
            cluster.database.deleteInventoryRows();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmulatedCluster.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmulatedCluster cluster = cluster(context);
        return parameter.getParameter().getType() == TestDatabase.class ? cluster.database : cluster;
    }

    private static EmulatedCluster cluster(ExtensionContext context) {
        EmulatedCluster cluster = context.getStore(NAMESPACE).get(EmulatedCluster.class, EmulatedCluster.class);
        if (cluster == null) {
            throw new ParameterResolutionException("no emulated database: register EmulatedDatabaseExtension on the "
                    + "class (@EmulatedDatabase), not on a method");
        }
        return cluster;
    }

    private static boolean migrated(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), EmulatedDatabase.class)
                .map(EmulatedDatabase::migrated)
                .orElse(true);
    }

    /** {@code it_<class>_<random>}: MariaDB allows 64 characters, the random suffix takes 12 with its prefixes. */
    private static String purpose(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        return name.length() > 40 ? name.substring(0, 40) : name;
    }

    /**
     * The run's emulator, serving the master user and one application user for the run, which each class's database
     * grants; JUnit closes it with the root store, after the last class.
     */
    private static final class RunEmulator implements AutoCloseable {
        final ClusterBinding applicationUser = LocalCluster.applicationUser(TestDatabaseServer.shared(),
                "it_run_" + UUID.randomUUID().toString().replace("-", ""));
        final DataApiEmulator emulator = DataApiEmulator.builder()
                .cluster(LocalCluster.on(TestDatabaseServer.shared()))
                .cluster(applicationUser)
                .port(0)
                .start();

        @Override
        public void close() {
            emulator.close();
            try (Connection connection = TestDatabaseServer.shared().connectToServer();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP USER IF EXISTS '" + applicationUser.databaseServer().user() + "'@'%'");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the run's application user", e);
            }
        }
    }
}
