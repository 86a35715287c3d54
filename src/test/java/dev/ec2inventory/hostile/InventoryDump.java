package dev.ec2inventory.hostile;

import dev.ec2inventory.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every row of {@code ec2}, {@code package} and {@code ec2_package}, read over JDBC beside the API, each value as the
 * hex of its stored bytes and each table in byte order: two dumps are equal exactly when the stored data is, whatever
 * the columns' collation thinks equal. The creation date is left out; it is not part of what a client sends.
 */
record InventoryDump(Set<String> ec2, Set<String> packages, Set<String> links) {

    static InventoryDump of(TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            return new InventoryDump(
                    rows(statement, "SELECT HEX(aws_instance_id), HEX(aws_region), HEX(aws_account) FROM ec2"),
                    rows(statement, "SELECT HEX(package_name), HEX(package_version) FROM package"),
                    rows(statement, "SELECT HEX(aws_instance_id), HEX(package_name), HEX(package_version) "
                            + "FROM ec2_package"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + database.name(), e);
        }
    }

    /** A row as this dump writes it, from the values a client sent. */
    static String row(String... values) {
        List<String> hex = new ArrayList<>();
        for (String value : values) {
            hex.add(HexFormat.of().withUpperCase().formatHex(value.getBytes(StandardCharsets.UTF_8)));
        }
        return String.join("|", hex);
    }

    int rowCount() {
        return ec2.size() + packages.size() + links.size();
    }

    /** What {@code after} has that this dump has not, table by table, as {@code table: row} lines. */
    List<String> added(InventoryDump after) {
        return difference(after, this);
    }

    List<String> removed(InventoryDump after) {
        return difference(this, after);
    }

    private static List<String> difference(InventoryDump from, InventoryDump without) {
        List<String> lines = new ArrayList<>();
        missing(lines, "ec2", from.ec2, without.ec2);
        missing(lines, "package", from.packages, without.packages);
        missing(lines, "ec2_package", from.links, without.links);
        return lines;
    }

    private static void missing(List<String> lines, String table, Set<String> from, Set<String> without) {
        from.stream().filter(row -> !without.contains(row)).forEach(row -> lines.add(table + ": " + row));
    }

    private static Set<String> rows(Statement statement, String sql) throws SQLException {
        // Sorted here rather than by ORDER BY, whose order would depend on the collation under test.
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        rows.sort(null);
        return new LinkedHashSet<>(rows);
    }
}
