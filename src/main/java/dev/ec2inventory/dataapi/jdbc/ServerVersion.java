package dev.ec2inventory.dataapi.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as {@code SELECT VERSION()} describes it. Flyway picks its support by product name, and the MariaDB the
 * local emulator may run on must be named so, so the name is read from the version text rather than assumed.
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
