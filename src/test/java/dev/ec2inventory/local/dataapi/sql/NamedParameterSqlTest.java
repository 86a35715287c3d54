package dev.ec2inventory.local.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.local.dataapi.DataApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamedParameterSqlTest {

    @Test
    void replacesEachPlaceholderWithAQuestionMarkInOrder() {
        ParsedSql parsed = NamedParameterSql.parse("SELECT * FROM ec2 WHERE id = :id AND region IN (:a, :b) OR id = :id");

        assertThat(parsed.jdbcSql()).isEqualTo("SELECT * FROM ec2 WHERE id = ? AND region IN (?, ?) OR id = ?");
        assertThat(parsed.parameterNames()).containsExactly("id", "a", "b", "id");
    }

    @Test
    void namesAreLettersDigitsAndUnderscoresStartingWithALetterOrUnderscore() {
        ParsedSql parsed = NamedParameterSql.parse("VALUES (:_x1, :aws_instance_id,:B2)");

        assertThat(parsed.parameterNames()).containsExactly("_x1", "aws_instance_id", "B2");
        assertThat(parsed.jdbcSql()).isEqualTo("VALUES (?, ?,?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT ':not' FROM t",
            "SELECT \":not\" FROM t",
            "SELECT 'it''s :not' FROM t",
            "SELECT 'back\\' :not' FROM t",
            "SELECT \"say \"\":not\"\"\" FROM t",
            "SELECT \"back\\\" :not\" FROM t",
            "SELECT `:not` FROM t",
            "SELECT `a``:not` FROM t",
            "SELECT 1 -- :not\nFROM t",
            "SELECT 1 # :not\nFROM t",
            "SELECT 1 /* :not */ FROM t",
            "SELECT 1 /*! :not */ FROM t",
            "SELECT @v := 1 FROM t",
            "SELECT a::text FROM t",
            "SELECT '10:30:00' FROM t",
            "SELECT 1 FROM t WHERE x = :",
            "SELECT 1 FROM t WHERE x = :1"})
    void findsNoPlaceholderInLiteralsIdentifiersCommentsOrOtherColons(String sql) {
        ParsedSql parsed = NamedParameterSql.parse(sql);

        assertThat(parsed.parameterNames()).isEmpty();
        assertThat(parsed.jdbcSql()).isEqualTo(sql);
    }

    @Test
    void findsPlaceholdersBetweenLiteralsAndComments() {
        ParsedSql parsed = NamedParameterSql.parse(
                "SELECT ':a', :b /* :c */, \"x\\\"\" , :d -- :e\n, `:f`, :g # :h");

        assertThat(parsed.parameterNames()).containsExactly("b", "d", "g");
    }

    @Test
    void twoDashesWithoutAFollowingSpaceAreMinusMinusNotAComment() {
        ParsedSql parsed = NamedParameterSql.parse("SELECT 5--:x");

        assertThat(parsed.parameterNames()).containsExactly("x");
        assertThat(parsed.jdbcSql()).isEqualTo("SELECT 5--?");
    }

    @Test
    void anUnclosedLiteralRunsToTheEndAndHidesWhatFollows() {
        ParsedSql parsed = NamedParameterSql.parse("SELECT 'abc :x");

        assertThat(parsed.parameterNames()).isEmpty();
        assertThat(parsed.jdbcSql()).isEqualTo("SELECT 'abc :x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT :a;", "SELECT :a ;  \n", "SELECT :a; -- done", "SELECT :a; # done\n",
            "SELECT :a; /* done */ "})
    void acceptsAndDropsOneTrailingSemicolon(String sql) {
        ParsedSql parsed = NamedParameterSql.parse(sql);

        assertThat(parsed.jdbcSql().strip()).isEqualTo("SELECT ?");
        assertThat(parsed.parameterNames()).containsExactly("a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1; SELECT 2", "SELECT 1;;", "DELETE FROM t; DROP TABLE t",
            "SELECT 1; /* c */ SELECT 2"})
    void refusesMoreThanOneStatement(String sql) {
        assertThatThrownBy(() -> NamedParameterSql.parse(sql))
                .isInstanceOfSatisfying(DataApiException.class, e -> {
                    assertThat(e.type()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Multistatements aren't supported.");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT ';'", "SELECT \";\"", "SELECT `a;b` FROM t", "SELECT 1 -- ;\n",
            "SELECT 1 # ; x\n", "SELECT 1 /* ; SELECT 2 */"})
    void aSemicolonInsideALiteralOrCommentEndsNothing(String sql) {
        assertThat(NamedParameterSql.parse(sql).jdbcSql()).isEqualTo(sql);
    }

    @Test
    void keepsTheParameterNamesImmutable() {
        List<String> names = NamedParameterSql.parse("SELECT :a").parameterNames();

        assertThatThrownBy(() -> names.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
