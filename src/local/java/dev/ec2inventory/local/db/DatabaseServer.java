package dev.ec2inventory.local.db;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A running MySQL-compatible server, reached over JDBC with an account that may create databases.
 *
 * @param description what it is and where, for console and test output ("embedded MariaDB 10.11.5 on 127.0.0.1:41234")
 * @param urlPrefix   JDBC URL up to the database name, for example {@code jdbc:mariadb://127.0.0.1:3306/}
 * @param urlOptions  driver options after the database name, empty or starting with {@code ?}
 */
public record DatabaseServer(String description, String urlPrefix, String urlOptions, String user, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public DatabaseServer {
        if (!urlPrefix.endsWith("/")) {
            throw new IllegalArgumentException("urlPrefix must end with '/': " + urlPrefix);
        }
        if (!urlOptions.isEmpty() && !urlOptions.startsWith("?")) {
            throw new IllegalArgumentException("urlOptions must be empty or start with '?': " + urlOptions);
        }
    }

    /** A server without driver options, as the embedded database and the test databases are. */
    public static DatabaseServer mariadb(String description, String host, int port, String user, String password) {
        return new DatabaseServer(description, "jdbc:mariadb://" + host + ":" + port + "/", "", user, password);
    }

    /** The same server, reached as another of its users. */
    public DatabaseServer as(String otherUser, String otherPassword) {
        return new DatabaseServer(description, urlPrefix, urlOptions, otherUser, otherPassword);
    }

    /** The JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return urlPrefix + requireValidName(database) + urlOptions;
    }

    /** The JDBC URL of one database with this server's user and password in it, as LOCAL_DB_URL takes it. */
    public String jdbcUrlWithCredentials(String database) {
        String separator = urlOptions.isEmpty() ? "?" : "&";
        return jdbcUrl(database) + separator + "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(urlPrefix + urlOptions, user, password);
    }

    public void createDatabaseIfMissing(String database) throws SQLException {
        execute("CREATE DATABASE IF NOT EXISTS `" + requireValidName(database)
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    public void dropDatabaseIfExists(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS `" + requireValidName(database) + "`");
    }

    /** The server's own version string, for example {@code 10.11.19-MariaDB-0+deb12u1} or {@code 8.0.40}. */
    public String version() throws SQLException {
        try (Connection connection = connectToServer()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connectToServer(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String requireValidName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database names are 1-64 letters, digits or '_': " + database);
        }
        return database;
    }

    @Override
    public String toString() {
        return description;
    }
}
