package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MySqlLexerTest {

    @Test
    void skipsStringLiteralsWithTheirEscapes() {
        assertThat(afterSkipping("'abc' x")).isEqualTo(" x");
        assertThat(afterSkipping("'it''s' x")).isEqualTo(" x");
        assertThat(afterSkipping("'back\\' still' x")).isEqualTo(" x");
        assertThat(afterSkipping("\"say \"\"hi\"\"\" x")).isEqualTo(" x");
        assertThat(afterSkipping("\"back\\\" still\" x")).isEqualTo(" x");
    }

    @Test
    void skipsQuotedIdentifiersWhereOnlyADoubledBacktickEscapes() {
        assertThat(afterSkipping("`a``b` x")).isEqualTo(" x");
        assertThat(afterSkipping("`a\\` x")).isEqualTo(" x");
    }

    @Test
    void skipsLineCommentsThroughTheNewline() {
        assertThat(afterSkipping("# to the end\nx")).isEqualTo("x");
        assertThat(afterSkipping("-- to the end\nx")).isEqualTo("x");
        assertThat(afterSkipping("--\tto the end\nx")).isEqualTo("x");
        assertThat(afterSkipping("-- last line")).isEmpty();
    }

    @Test
    void twoDashesWithoutWhitespaceAfterThemAreNoComment() {
        assertThat(MySqlLexer.skipQuotedOrComment("--1", 0)).isZero();
        assertThat(MySqlLexer.skipQuotedOrComment("5--1", 1)).isEqualTo(1);
    }

    @Test
    void skipsBlockCommentsIncludingExecutableOnes() {
        assertThat(afterSkipping("/* block */x")).isEqualTo("x");
        assertThat(afterSkipping("/*! 50000 executable */x")).isEqualTo("x");
    }

    @Test
    void anUnclosedLiteralOrCommentRunsToTheEnd() {
        assertThat(afterSkipping("'never closed")).isEmpty();
        assertThat(afterSkipping("`never closed")).isEmpty();
        assertThat(afterSkipping("/* never closed")).isEmpty();
        assertThat(afterSkipping("'ends in a backslash\\")).isEmpty();
    }

    @Test
    void skipsNothingWhereCodeStarts() {
        assertThat(MySqlLexer.skipQuotedOrComment("SELECT 'a'", 0)).isZero();
        assertThat(MySqlLexer.skipQuotedOrComment("a = ?", 4)).isEqualTo(4);
        assertThat(MySqlLexer.skipQuotedOrComment("x", 1)).isEqualTo(1);
    }

    @Test
    void startsAnywhereInTheText() {
        String sql = "SELECT 'a', b";

        assertThat(sql.substring(MySqlLexer.skipQuotedOrComment(sql, 7))).isEqualTo(", b");
    }

    @Test
    void skipCommentLeavesLiteralsAlone() {
        assertThat(MySqlLexer.skipComment("'text'", 0)).isZero();
        assertThat(MySqlLexer.skipComment("/* c */SELECT", 0)).isEqualTo("/* c */".length());
    }

    private static String afterSkipping(String sql) {
        return sql.substring(MySqlLexer.skipQuotedOrComment(sql, 0));
    }
}
