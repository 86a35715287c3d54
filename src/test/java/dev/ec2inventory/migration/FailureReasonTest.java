package dev.ec2inventory.migration;

import static dev.ec2inventory.dataapi.ScriptedRdsDataClient.serviceError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.local.lambda.ConsoleLambdaLogger;
import dev.ec2inventory.local.lambda.LocalContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;

/** What reaches CloudFormation's Reason, and how long each call waits out a resume. */
class FailureReasonTest {

    private static final LocalContext CONTEXT = new LocalContext("req-7", "SchemaMigrationFunction", 1024,
            Instant.now().plusSeconds(900), new ConsoleLambdaLogger("SchemaMigrationFunction", line -> { }));
    private static final String POINTER = " Full message in the function's log: group "
            + "/aws/lambda/SchemaMigrationFunction, stream local, request req-7.";

    @Test
    void aStatementThatFailedIsNamedByScriptAndErrorCodeAndItsTextStaysInTheLog() {
        RuntimeException failure = new FlywayException("Migration V2__orders.sql failed: Duplicate entry "
                + "'customer-4111-secret' for key 'uk_order_ref' in INSERT INTO orders VALUES ('customer-4111-secret')",
                driverError("Database error code: 1062. Message: Duplicate entry 'customer-4111-secret' for key "
                        + "'uk_order_ref' (SQLState: 23000)"));
        failure.addSuppressed(new StatementProgress.PartialMigration("V2__orders.sql", 1));

        assertThat(FailureReason.of(failure, CONTEXT)).isEqualTo("V2__orders.sql failed: MySQL error 1062, SQLSTATE "
                + "23000; 1 statement of it stays applied." + POINTER);
        assertThat(FailureReason.fullText(failure)).contains("'customer-4111-secret'").contains("INSERT INTO")
                .contains("V2__orders.sql failed after 1 statement of it had been applied");
    }

    @Test
    void theServiceSendsNoSqlStateAndAUserNameStaysOutOfTheReason() {
        RuntimeException failure = new FlywayException("Unable to obtain connection",
                driverError("Database error code: 1045. Message: Access denied for user 'admin'@'10.1.2.3'"));

        assertThat(FailureReason.of(failure, CONTEXT)).isEqualTo("MySQL error 1045." + POINTER);
    }

    @Test
    void aFailureBeforeTheFirstStatementSaysNoneWasApplied() {
        RuntimeException failure = new FlywayException("Migration failed", new SQLException("the connection is closed",
                "08003"));
        failure.addSuppressed(new StatementProgress.PartialMigration("V3__index.sql", 0));

        assertThat(FailureReason.of(failure, CONTEXT)).startsWith("V3__index.sql failed: the JDBC driver failed, "
                + "SQLSTATE 08003; none of its statements was applied.");
    }

    @Test
    void eachKindOfDataApiFailureIsDescribedInTheProjectsOwnWords() {
        List<SdkException> failures = List.of(
                serviceError(DatabaseUnavailableException.builder(), "'customer-4111-secret'"),
                serviceError(StatementTimeoutException.builder(), "'customer-4111-secret'"),
                SdkClientException.create("Unable to execute HTTP request: 'customer-4111-secret'"),
                serviceError(BadRequestException.builder(), "near 'customer-4111-secret' at line 1"));

        List<String> reasons = failures.stream().map(failure -> FailureReason.of(new FlywayException("Migration "
                + "failed: 'customer-4111-secret'", driverError(failure)), CONTEXT)).toList();

        assertThat(reasons).containsExactly(
                "ExecuteStatement: the database is unavailable." + POINTER,
                "the statement ran past the Data API's call timeout, and may still be running in the database."
                        + POINTER,
                "no answer came back from the Data API (an I/O error, a timeout or a 5xx from the service)." + POINTER,
                "the Data API refused the call (BadRequestException)." + POINTER);
    }

    @Test
    void flywaysOwnMessageIsKeptWhenNoDatabaseErrorIsBehindIt() {
        RuntimeException edited = new FlywayException("Validate failed: Migrations have failed validation\n"
                + "Migration checksum mismatch for migration version 1\n-> Applied to database : 1\n"
                + "-> Resolved locally    : 2");

        assertThat(FailureReason.of(edited, CONTEXT)).isEqualTo("Validate failed: Migrations have failed validation "
                + "Migration checksum mismatch for migration version 1 -> Applied to database : 1 -> Resolved locally "
                + ": 2." + POINTER);
    }

    @Test
    void runningOutOfTimeKeepsTheProjectsOwnMessage() {
        RuntimeException late = new MigrationOutOfTimeException("V1__a.sql", Duration.ofSeconds(30), List.of());

        assertThat(FailureReason.of(late, CONTEXT)).startsWith("stopped before V1__a.sql with 30 s left")
                .endsWith(POINTER);
    }

    @Test
    void anythingElseIsNamedByItsClassAlone() {
        RuntimeException bug = new IllegalStateException("row 'customer-4111-secret' was unexpected");

        assertThat(FailureReason.of(bug, CONTEXT)).isEqualTo("unexpected java.lang.IllegalStateException." + POINTER);
    }

    @Test
    void replacesEveryArnAndKeepsTheRest() {
        String reason = FailureReason.scrub("Migration V3__x.sql failed: HttpEndpoint is not enabled for resource "
                + "arn:aws:rds:eu-west-1:123456789012:cluster:inventory, secret "
                + "arn:aws:secretsmanager:eu-west-1:123456789012:secret:inventory-AbCdEf (Service: RdsData)");

        assertThat(reason).isEqualTo("Migration V3__x.sql failed: HttpEndpoint is not enabled for resource <arn>, "
                + "secret <arn> (Service: RdsData)");
    }

    @Test
    void cutsALongReasonToFitTheResponseAndKeepsWhereTheLogIs() {
        String reason = FailureReason.of(new FlywayException("x".repeat(10_000)), CONTEXT);

        assertThat(reason).hasSize(FailureReason.MAX_LENGTH).endsWith("..." + POINTER);
    }

    @Test
    void aFifthOfTheRemainingTimeBetweenTwentySecondsAndTwoMinutesIsWaitedOutForAResume() {
        assertThat(ResumeWait.wanted(Duration.ofSeconds(900))).isEqualTo(Duration.ofMinutes(2));
        assertThat(ResumeWait.wanted(Duration.ofSeconds(300))).isEqualTo(Duration.ofSeconds(60));
        assertThat(ResumeWait.wanted(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(20));
        // The least the jittered delays add up to must reach what is wanted: halves of 1, 2, 4, 8, 8, ... s.
        for (int seconds : new int[] {30, 300, 900}) {
            var budget = ResumeWait.budget(Duration.ofSeconds(seconds));
            long assured = 0;
            for (int attempt = 2; attempt <= budget.maxAttempts(); attempt++) {
                assured += Math.min(1_000L << (attempt - 2), 8_000L) / 2;
            }
            assertThat(Duration.ofMillis(assured)).as("%d s left", seconds)
                    .isGreaterThanOrEqualTo(ResumeWait.wanted(Duration.ofSeconds(seconds)));
        }
    }

    @Test
    void theApplicationUsersStepSaysWhatFailedAndTheErrorCodeOnly() {
        RuntimeException failure = new ApplicationUserException("setting up the application user failed",
                DataApiException.from("ExecuteStatement", serviceError(DatabaseErrorException.builder(),
                        "Database error code: 1396. Message: Operation CREATE USER failed for 'ec2_inventory_app'@'%'")));

        assertThat(FailureReason.of(failure, CONTEXT))
                .isEqualTo("setting up the application user failed: MySQL error 1396." + POINTER);
    }

    private static SQLException driverError(String serviceMessage) {
        return driverError(serviceError(DatabaseErrorException.builder(), serviceMessage));
    }

    /** As the project's driver wraps what the core classified: the server's text, its state and code, the cause. */
    private static SQLException driverError(SdkException failure) {
        DataApiException classified = DataApiException.from("ExecuteStatement", failure);
        return new SQLException(classified.getMessage(), "XX000", 0, classified);
    }
}
