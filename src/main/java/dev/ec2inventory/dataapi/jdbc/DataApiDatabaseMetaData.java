package dev.ec2inventory.dataapi.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The part of JDBC's {@link DatabaseMetaData} that Flyway reads: what the server is (from {@code SELECT VERSION()}:
 * MariaDB or MySQL, and which version), which driver and URL, which user, and which tables exist.
 */
final class DataApiDatabaseMetaData {

    private static final String DRIVER_NAME = "ec2-inventory Data API JDBC driver";
    private static final int DRIVER_MAJOR_VERSION = 1;
    private static final int DRIVER_MINOR_VERSION = 0;

    private static final String TABLES = """
            SELECT table_schema AS TABLE_CAT, NULL AS TABLE_SCHEM, table_name AS TABLE_NAME,
                   CASE table_type WHEN 'BASE TABLE' THEN 'TABLE' WHEN 'SYSTEM VERSIONED' THEN 'TABLE'
                                   ELSE table_type END AS TABLE_TYPE,
                   table_comment AS REMARKS, NULL AS TYPE_CAT, NULL AS TYPE_SCHEM, NULL AS TYPE_NAME,
                   NULL AS SELF_REFERENCING_COL_NAME, NULL AS REF_GENERATION
            FROM information_schema.tables
            WHERE table_name LIKE ?""";

    private final DataApiConnection connection;
    private final DatabaseMetaData jdbc;

    DataApiDatabaseMetaData(DataApiConnection connection) {
        this.connection = connection;
        this.jdbc = JdbcFacade.of(DatabaseMetaData.class, this);
    }

    DatabaseMetaData jdbc() {
        return jdbc;
    }

    public String getDatabaseProductName() throws SQLException {
        return connection.server().productName();
    }

    public String getDatabaseProductVersion() throws SQLException {
        return connection.server().version();
    }

    public int getDatabaseMajorVersion() throws SQLException {
        return connection.server().major();
    }

    public int getDatabaseMinorVersion() throws SQLException {
        return connection.server().minor();
    }

    public String getDriverName() {
        return DRIVER_NAME;
    }

    public String getDriverVersion() {
        return DRIVER_MAJOR_VERSION + "." + DRIVER_MINOR_VERSION;
    }

    public int getDriverMajorVersion() {
        return DRIVER_MAJOR_VERSION;
    }

    public int getDriverMinorVersion() {
        return DRIVER_MINOR_VERSION;
    }

    public int getJDBCMajorVersion() {
        return 4;
    }

    public int getJDBCMinorVersion() {
        return 2;
    }

    public String getURL() {
        return connection.url();
    }

    /** The secret's database user, as MySQL's {@code USER()} names it: {@code user@host}. */
    public String getUserName() throws SQLException {
        return connection.userName();
    }

    public Connection getConnection() {
        return connection.jdbc();
    }

    /** MySQL calls its schemas databases, and JDBC's catalog is where it puts them. */
    public String getCatalogTerm() {
        return "database";
    }

    public String getCatalogSeparator() {
        return ".";
    }

    public String getIdentifierQuoteString() {
        return "`";
    }

    public boolean supportsTransactions() {
        return true;
    }

    /** No JDBC batches: each statement is a call of its own, so that Flyway reports errors statement by statement. */
    public boolean supportsBatchUpdates() {
        return false;
    }

    public boolean isReadOnly() {
        return false;
    }

    /**
     * The catalog is the database ({@code null}: all); MySQL has no schemas within it, so {@code schemaPattern}
     * narrows nothing. {@code types} are JDBC's names ({@code TABLE}, {@code VIEW}, ...); none given means all.
     */
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<String> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder(TABLES);
        values.add(tableNamePattern == null ? "%" : tableNamePattern);
        if (catalog != null) {
            sql.append(" AND table_schema = ?");
            values.add(catalog);
        }
        if (types != null && types.length > 0) {
            sql.insert(0, "SELECT * FROM (").append(") AS listed WHERE TABLE_TYPE IN (")
                    .append(String.join(", ", Collections.nCopies(types.length, "?"))).append(')');
            values.addAll(List.of(types));
        }
        sql.append(" ORDER BY TABLE_TYPE, TABLE_CAT, TABLE_NAME");
        PreparedStatement statement = connection.jdbc().prepareStatement(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
        return statement.executeQuery();
    }
}
