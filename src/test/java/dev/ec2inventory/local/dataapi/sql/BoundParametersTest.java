package dev.ec2inventory.local.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ec2inventory.local.dataapi.DataApiException;
import dev.ec2inventory.local.dataapi.wire.Field;
import dev.ec2inventory.local.dataapi.wire.SqlParameter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundParametersTest {

    @Test
    void bindsEachPlaceholderInOrderWithTheJavaValueOfItsKind() throws Exception {
        ParsedSql sql = NamedParameterSql.parse(
                "VALUES (:n, :b, :l, :d, :s, :blob, :date, :time, :ts, :dec, :json, :uuid, :l)");

        List<Object> bound = bind(sql, List.of(
                new SqlParameter("n", Field.ofNull(), null),
                new SqlParameter("b", Field.ofBoolean(true), null),
                new SqlParameter("l", Field.ofLong(7), null),
                new SqlParameter("d", Field.ofDouble(2.5), null),
                new SqlParameter("s", Field.ofString("text"), null),
                new SqlParameter("blob", Field.ofBlob(new byte[] {1, 2}), null),
                new SqlParameter("date", Field.ofString("2024-02-29"), "DATE"),
                new SqlParameter("time", Field.ofString("10:11:12.5"), "TIME"),
                new SqlParameter("ts", Field.ofString("2024-02-29 10:11:12.123"), "TIMESTAMP"),
                new SqlParameter("dec", Field.ofString("12.50"), "DECIMAL"),
                new SqlParameter("json", Field.ofString("{\"a\": [1]}"), "JSON"),
                new SqlParameter("uuid", Field.ofString("123e4567-e89b-12d3-a456-426614174000"), "UUID"),
                new SqlParameter("unused", Field.ofLong(99), null)));

        assertThat(bound).hasSize(13);
        assertThat(bound.get(0)).isEqualTo("NULL");
        assertThat(bound.subList(1, 5)).containsExactly(true, 7L, 2.5, "text");
        assertThat((byte[]) bound.get(5)).containsExactly(1, 2);
        assertThat(bound.subList(6, 13)).containsExactly("2024-02-29", "10:11:12.5", "2024-02-29 10:11:12.123",
                new BigDecimal("12.50"), "{\"a\": [1]}", "123e4567-e89b-12d3-a456-426614174000", 7L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DATE      | 2024-02-30",
            "DATE      | 2024-2-3",
            "DATE      | 2024-02-29 10:00:00",
            "TIME      | 24:00:00",
            "TIME      | 10:11",
            "TIMESTAMP | 2024-02-29T10:11:12",
            "TIMESTAMP | 2024-02-29",
            "DECIMAL   | 1,5",
            "JSON      | {\"a\": ",
            "JSON      | {} {}",
            "JSON      | ''",
            "UUID      | not-a-uuid"})
    void aStringOutsideItsTypeHintsFormatIsADatabaseErrorNamingTheParameter(String typeHint, String value) {
        assertThatThrownBy(() -> bind(NamedParameterSql.parse("SELECT :p"),
                List.of(new SqlParameter("p", Field.ofString(value), typeHint))))
                .isInstanceOfSatisfying(DataApiException.class, e -> {
                    assertThat(e.type()).isEqualTo("DatabaseErrorException");
                    assertThat(e.getMessage()).startsWith("The value of parameter :p is not a valid " + typeHint);
                });
    }

    @Test
    void problemsWithTheRequestItselfAreValidationErrors() {
        assertValidation(List.of(new SqlParameter("p", new Field(null, null, null, null, null, null,
                JsonNodeFactory.instance.objectNode()), null)), "Array parameters are not supported.");
        assertValidation(List.of(new SqlParameter("p", new Field(null, true, 1L, null, null, null, null), null)),
                "The value of parameter :p must set exactly one of");
        assertValidation(List.of(new SqlParameter("p", Field.ofLong(1), null), new SqlParameter("p", Field.ofLong(2), null)),
                "The parameter :p is given more than once");
        assertValidation(List.of(new SqlParameter(null, Field.ofLong(1), null)), "Every parameter needs a name");
        assertValidation(List.of(new SqlParameter("p", Field.ofString("x"), "DATETIME")),
                "The typeHint of parameter :p must be one of");
    }

    @Test
    void problemsThatStopTheStatementAreDatabaseErrorsNamingTheParameter() {
        assertDatabaseError(List.of(), "No value was given for the parameter :p");
        assertDatabaseError(List.of(new SqlParameter("p", null, null)), "The parameter :p has no value");
        assertDatabaseError(List.of(new SqlParameter("p", new Field(null, null, null, null, null, null, null), null)),
                "The parameter :p has no value");
        assertDatabaseError(List.of(new SqlParameter("p", new Field(false, null, null, null, null, null, null), null)),
                "The parameter :p has no value");
        assertDatabaseError(List.of(new SqlParameter("p", Field.ofLong(1), "DATE")),
                "The parameter :p has typeHint DATE, which applies to a stringValue only");
    }

    @Test
    void aNullWithATypeHintIsStillNull() throws Exception {
        assertThat(bind(NamedParameterSql.parse("SELECT :p"), List.of(new SqlParameter("p", Field.ofNull(), "DATE"))))
                .containsExactly("NULL");
    }

    private static void assertValidation(List<SqlParameter> parameters, String messageStart) {
        assertThatThrownBy(() -> BoundParameters.of(NamedParameterSql.parse("SELECT :p"), parameters))
                .isInstanceOfSatisfying(DataApiException.class, e -> {
                    assertThat(e.type()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).startsWith(messageStart);
                });
    }

    private static void assertDatabaseError(List<SqlParameter> parameters, String messageStart) {
        assertThatThrownBy(() -> BoundParameters.of(NamedParameterSql.parse("SELECT :p"), parameters))
                .isInstanceOfSatisfying(DataApiException.class, e -> {
                    assertThat(e.type()).isEqualTo("DatabaseErrorException");
                    assertThat(e.getMessage()).startsWith(messageStart);
                });
    }

    /** What {@link BoundParameters#bindTo} sets, read through a recording statement; "NULL" stands for setNull. */
    private static List<Object> bind(ParsedSql sql, List<SqlParameter> parameters) throws Exception {
        Object[] bound = new Object[sql.parameterNames().size()];
        InvocationHandler recorder = (proxy, method, arguments) -> {
            switch (method.getName()) {
                case "setObject" -> bound[(int) arguments[0] - 1] = arguments[1];
                case "setNull" -> bound[(int) arguments[0] - 1] = "NULL";
                default -> throw new UnsupportedOperationException(method.getName());
            }
            return null;
        };
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
                BoundParametersTest.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, recorder);
        BoundParameters.of(sql, parameters).bindTo(statement);
        return new ArrayList<>(Arrays.asList(bound));
    }
}
