package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamedPlaceholdersTest {

    @Test
    void namesEachQuestionMarkAfterItsPosition() {
        NamedPlaceholders rewritten = NamedPlaceholders.rewrite(
                "INSERT INTO t (a, b, c) VALUES (?, ?,?)");

        assertThat(rewritten.sql()).isEqualTo("INSERT INTO t (a, b, c) VALUES (:p1, :p2,:p3)");
        assertThat(rewritten.parameterCount()).isEqualTo(3);
    }

    @Test
    void rewritesFlywaysOwnStatements() {
        assertThat(NamedPlaceholders.rewrite("SELECT GET_LOCK(?,10)").sql()).isEqualTo("SELECT GET_LOCK(:p1,10)");
        assertThat(NamedPlaceholders.rewrite("SET foreign_key_checks=?, sql_safe_updates=?").sql())
                .isEqualTo("SET foreign_key_checks=:p1, sql_safe_updates=:p2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT '?' FROM t",
            "SELECT 'it''s ?' FROM t",
            "SELECT 'back\\' ?' FROM t",
            "SELECT \"?\" FROM t",
            "SELECT `a?b` FROM t",
            "SELECT 1 -- ?\nFROM t",
            "SELECT 1 # ?\nFROM t",
            "SELECT 1 /* ? */ FROM t",
            "SELECT JSON_CONTAINS_PATH(doc, 'one', '$.a?')"})
    void leavesQuestionMarksInLiteralsIdentifiersAndCommentsAlone(String sql) {
        NamedPlaceholders rewritten = NamedPlaceholders.rewrite(sql);

        assertThat(rewritten.sql()).isEqualTo(sql);
        assertThat(rewritten.parameterCount()).isZero();
    }

    @Test
    void countsOnlyTheRealPlaceholdersBetweenLiteralsAndComments() {
        NamedPlaceholders rewritten = NamedPlaceholders.rewrite("SELECT '?', ? /* ? */, `?`, ? -- ?\n, ?");

        assertThat(rewritten.sql()).isEqualTo("SELECT '?', :p1 /* ? */, `?`, :p2 -- ?\n, :p3");
        assertThat(rewritten.parameterCount()).isEqualTo(3);
    }

    @Test
    void keepsANameCharacterAfterAPlaceholderOutOfTheName() {
        assertThat(NamedPlaceholders.rewrite("SELECT 1 WHERE a=?AND b=?").sql())
                .isEqualTo("SELECT 1 WHERE a=:p1 AND b=:p2");
    }

    @Test
    void countsPastNine() {
        NamedPlaceholders rewritten = NamedPlaceholders.rewrite("VALUES (?,?,?,?,?,?,?,?,?,?,?)");

        assertThat(rewritten.sql()).endsWith(":p9,:p10,:p11)");
        assertThat(rewritten.parameterCount()).isEqualTo(11);
    }

    @Test
    void leavesTextWithoutPlaceholdersUnchanged() {
        assertThat(NamedPlaceholders.rewrite("SELECT VERSION()").sql()).isEqualTo("SELECT VERSION()");
    }
}
