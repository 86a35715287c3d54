package dev.ec2inventory.local.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database named by a JDBC URL such as {@code jdbc:mariadb://host:3306/ec2_inventory_db?user=root&password=}.
 * The server part and the database part are kept apart, so that the database can be created when it is missing.
 */
public record JdbcLocation(DatabaseServer server, String database) {

    public static JdbcLocation parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:mariadb://") && !jdbcUrl.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException(
                    "expected a jdbc:mariadb:// or jdbc:mysql:// URL, for example "
                            + "jdbc:mariadb://127.0.0.1:3306/ec2_inventory_db?user=root&password=");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (database.isEmpty()) {
            throw new IllegalArgumentException("the JDBC URL names no database; add one after the port, as in :3306/ec2_inventory_db");
        }
        Map<String, String> options = queryOptions(uri.getRawQuery());
        String user = options.remove("user");
        String password = options.remove("password");
        if (user == null) {
            throw new IllegalArgumentException("the JDBC URL names no user; add ?user=...&password=...");
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String urlPrefix = "jdbc:" + uri.getScheme() + "://" + uri.getHost() + port + "/";
        String description = uri.getScheme() + " server at " + uri.getHost() + port;
        DatabaseServer server = new DatabaseServer(
                description, urlPrefix, optionsSuffix(options), user, password == null ? "" : password);
        return new JdbcLocation(server, database);
    }

    private static Map<String, String> queryOptions(String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return options;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            options.put(key, value);
        }
        return options;
    }

    private static String optionsSuffix(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder suffix = new StringBuilder("?");
        options.forEach((key, value) -> suffix.append(suffix.length() > 1 ? "&" : "").append(key).append('=').append(value));
        return suffix.toString();
    }
}
