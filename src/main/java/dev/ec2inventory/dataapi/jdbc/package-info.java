/**
 * A small JDBC driver over the RDS Data API, so that Flyway migrates the database the way the functions reach it,
 * with no network path to the cluster. Only what Flyway's MySQL support calls is implemented.
 */
package dev.ec2inventory.dataapi.jdbc;
