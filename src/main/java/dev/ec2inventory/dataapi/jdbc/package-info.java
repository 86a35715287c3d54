/**
 * A small JDBC driver over the RDS Data API, so that Flyway migrates the database the way the functions reach it,
 * with no network path to the cluster. Its one entry point is {@link dev.ec2inventory.dataapi.jdbc.DataApiDataSource};
 * every statement is one auto-committed ExecuteStatement with {@code continueAfterTimeout}, as AWS recommends for
 * MySQL DDL, and a failed one goes to the caller's {@link dev.ec2inventory.dataapi.jdbc.StatementRecovery} before it
 * becomes an {@link java.sql.SQLException}. Only what Flyway's MySQL support calls is implemented; any other JDBC
 * method throws {@link java.sql.SQLFeatureNotSupportedException} naming itself ({@code JdbcFacade}).
 */
package dev.ec2inventory.dataapi.jdbc;
