package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Wrapper;
import org.junit.jupiter.api.Test;

class JdbcFacadeTest {

    /** A JDBC-style interface: two abstract methods and a default one. */
    public interface Greeter extends Wrapper {

        String greet(String name) throws SQLException;

        int count() throws SQLException;

        default String polite(String name) throws SQLException {
            return "please, " + greet(name);
        }
    }

    static final class PartialGreeter {
        public String greet(String name) throws SQLException {
            if (name.isEmpty()) {
                throw new SQLException("who?");
            }
            return "hello " + name;
        }

        @Override
        public String toString() {
            return "PartialGreeter";
        }
    }

    static final class MisspeltGreeter {
        public String greeet(String name) {
            return name;
        }
    }

    @Test
    void routesImplementedMethodsAndTheirExceptions() throws SQLException {
        Greeter greeter = JdbcFacade.of(Greeter.class, new PartialGreeter());

        assertThat(greeter.greet("you")).isEqualTo("hello you");
        assertThatThrownBy(() -> greeter.greet("")).isExactlyInstanceOf(SQLException.class).hasMessage("who?");
    }

    @Test
    void refusesUnimplementedMethodsByName() {
        Greeter greeter = JdbcFacade.of(Greeter.class, new PartialGreeter());

        assertThatThrownBy(greeter::count).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessage("Greeter.count is not supported by the Data API JDBC driver");
    }

    @Test
    void keepsDefaultMethodsWorking() throws SQLException {
        Greeter greeter = JdbcFacade.of(Greeter.class, new PartialGreeter());

        assertThat(greeter.polite("you")).isEqualTo("please, hello you");
    }

    @Test
    void answersObjectAndWrapperMethodsItself() throws SQLException {
        Greeter greeter = JdbcFacade.of(Greeter.class, new PartialGreeter());

        assertThat(greeter).hasToString("PartialGreeter").isEqualTo(greeter)
                .isNotEqualTo(JdbcFacade.of(Greeter.class, new PartialGreeter()));
        assertThat(greeter.isWrapperFor(Greeter.class)).isTrue();
        assertThat(greeter.unwrap(Greeter.class)).isSameAs(greeter);
        assertThatThrownBy(() -> greeter.unwrap(String.class)).isInstanceOf(SQLException.class);
    }

    @Test
    void refusesAnImplementationWithAMethodThatImplementsNothing() {
        assertThatThrownBy(() -> JdbcFacade.of(Greeter.class, new MisspeltGreeter()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MisspeltGreeter.greeet");
    }
}
