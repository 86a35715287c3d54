package dev.ec2inventory.dataapi.jdbc;

import static dev.ec2inventory.dataapi.ScriptedRdsDataClient.serviceError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiSqlException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rdsdata.model.AccessDeniedException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;

/** SDK failures as the core classifies them, then as the driver reports them. */
class JdbcErrorsTest {

    @Test
    void aSqlErrorCarriesMySqlsNumberStateAndMessage() {
        SQLException error = of("ExecuteStatement", serviceError(DatabaseErrorException.builder(),
                "Database error code: 1146. Message: Table 'db.nope' doesn't exist (SQLState: 42S02)"));

        assertThat(error.getClass()).isEqualTo(SQLException.class);
        assertThat(error.getErrorCode()).isEqualTo(1146);
        assertThat(error.getSQLState()).isEqualTo("42S02");
        assertThat(error.getMessage()).isEqualTo("Table 'db.nope' doesn't exist");
        assertThat(error.getCause()).isInstanceOf(DataApiSqlException.class);
    }

    @Test
    void theRealServiceSendsNoSqlStateSoNoneIsMadeUp() {
        SQLException error = of("ExecuteStatement", serviceError(DatabaseErrorException.builder(),
                "Database error code: 1062. Message: Duplicate entry 'x' for key 'PRIMARY'"));

        assertThat(error.getErrorCode()).isEqualTo(1062);
        assertThat(error.getSQLState()).isNull();
    }

    @Test
    void aDatabaseThatStaysUnavailableIsTransient() {
        SQLException resuming = of("BeginTransaction",
                serviceError(DatabaseResumingException.builder(), "resuming"));
        SQLException unavailable = of("ExecuteStatement",
                serviceError(DatabaseUnavailableException.builder(), "down"));

        assertThat((Throwable) resuming).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(resuming.getSQLState()).isEqualTo("08001");
        assertThat((Throwable) unavailable).isInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void aStatementPastTheCallTimeoutIsATimeout() {
        Throwable error = of("ExecuteStatement", serviceError(StatementTimeoutException.builder(), "late"));

        assertThat(error).isInstanceOf(SQLTimeoutException.class);
    }

    @Test
    void anythingElseKeepsTheServicesMessage() {
        Throwable denied = of("ExecuteStatement", serviceError(AccessDeniedException.builder(), "not allowed"));
        Throwable noCredentials = of("BeginTransaction",
                SdkClientException.create("Unable to load credentials"));

        assertThat(denied).isExactlyInstanceOf(SQLException.class).hasMessageContaining("not allowed");
        assertThat(noCredentials).isExactlyInstanceOf(SQLException.class)
                .hasMessageContaining("Unable to load credentials");
    }

    private static SQLException of(String operation, SdkException failure) {
        return JdbcErrors.of(operation, DataApiException.from(operation, failure));
    }
}
