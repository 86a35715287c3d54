package dev.ec2inventory.local.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImplicitCommitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id INT)", "alter table t add c int", "DROP TABLE t", "TRUNCATE t",
            "RENAME TABLE a TO b", "CREATE INDEX i ON t (c)", "COMMIT", "commit work", "ROLLBACK", "BEGIN",
            "START TRANSACTION", "LOCK TABLES t WRITE", "SET autocommit = 1", "set @@autocommit=ON",
            "SET SESSION autocommit = TRUE", "/* Flyway */ CREATE TABLE t (id INT)", "-- why\nDROP VIEW v",
            "# note\nALTER TABLE t DROP c", "GRANT SELECT ON t TO u"})
    void statementsThatEndMySqlsTransaction(String sql) {
        assertThat(ImplicitCommits.endsTheTransaction(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "INSERT INTO t VALUES (1)", "UPDATE t SET c = 1", "DELETE FROM t",
            "SET autocommit = 0", "SET @v = 1", "SET foreign_key_checks = 0", "SELECT GET_LOCK('x', 10)",
            "CREATE TEMPORARY TABLE t (id INT)", "DROP TEMPORARY TABLE t", "ROLLBACK TO SAVEPOINT s",
            "SAVEPOINT s", "USE other", "SELECT 'CREATE TABLE'", "-- DROP TABLE t\nSELECT 1"})
    void statementsThatDoNot(String sql) {
        assertThat(ImplicitCommits.endsTheTransaction(sql)).isFalse();
    }
}
