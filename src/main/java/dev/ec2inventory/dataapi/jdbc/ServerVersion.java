package dev.ec2inventory.dataapi.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server behind the Data API, as {@code SELECT VERSION()} describes it: {@code 8.0.39} on Aurora MySQL 3,
 * {@code 10.11.19-MariaDB-0+deb12u1} on the MariaDB the local emulator may run on.
 *
 * <p>Flyway chooses its database support from the product name, and a MariaDB server must be named MariaDB (whose
 * Flyway support differs in details), so the name is read from the version text rather than assumed.
 *
 * @param productName {@code MariaDB} when the version says so, otherwise {@code MySQL}
 * @param version     the server's text, whole
 */
record ServerVersion(String productName, String version, int major, int minor) {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    static ServerVersion of(String version) {
        Matcher numbers = MAJOR_MINOR.matcher(version);
        if (!numbers.find()) {
            throw new IllegalArgumentException("SELECT VERSION() answered '" + version
                    + "', which does not start with <major>.<minor>");
        }
        String product = version.contains("MariaDB") ? "MariaDB" : "MySQL";
        return new ServerVersion(product, version, Integer.parseInt(numbers.group(1)),
                Integer.parseInt(numbers.group(2)));
    }
}
