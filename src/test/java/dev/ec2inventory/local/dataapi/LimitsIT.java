package dev.ec2inventory.local.dataapi;

import static dev.ec2inventory.local.dataapi.EmulatorFixture.param;
import static dev.ec2inventory.local.dataapi.EmulatorFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;
import software.amazon.awssdk.services.rdsdata.model.RecordsFormatType;

/** The service's size limits: 4 MiB per request, 1 MiB of result data per call. */
class LimitsIT {

    private static final int MIB = 1024 * 1024;
    private static final int ROW_BYTES = 64 * 1024;

    private static EmulatorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = EmulatorFixture.start("limits");
        fixture.database.execute("CREATE TABLE big (id INT PRIMARY KEY, v MEDIUMTEXT)");
        for (int id = 1; id <= 17; id++) {
            fixture.database.execute("INSERT INTO big VALUES (" + id + ", REPEAT('x', " + ROW_BYTES + "))");
        }
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aRequestUnderFourMibIsServed() {
        String text = "y".repeat(4 * MIB - 1024);

        assertThat(fixture.execute("SELECT LENGTH(:text)", param("text", Field.fromStringValue(text))).records())
                .containsExactly(List.of(Field.fromLongValue((long) text.length())));
    }

    @Test
    void aRequestOverFourMibIsRefusedWith413AndCounted() {
        fixture.emulator.calls().reset();
        String text = "y".repeat(4 * MIB + 1);

        RdsDataException error = catchThrowableOfType(RdsDataException.class, () ->
                fixture.execute("SELECT LENGTH(:text)", param("text", Field.fromStringValue(text))));

        assertThat(error.statusCode()).isEqualTo(413);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
        assertThat(fixture.emulator.calls().count(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(1);
    }

    @Test
    void aResultUnderOneMibIsServed() {
        assertThat(fixture.execute("SELECT id, v FROM big WHERE id <= 15").records()).hasSize(15);
    }

    @Test
    void aResultOverOneMibIsRefusedWhateverItsFormat() {
        DatabaseErrorException asRecords = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.execute("SELECT id, v FROM big"));
        DatabaseErrorException asJson = catchThrowableOfType(DatabaseErrorException.class, () ->
                fixture.client.executeStatement(statement("SELECT id, v FROM big")
                        .formatRecordsAs(RecordsFormatType.JSON).build()));

        assertThat(asRecords.statusCode()).isEqualTo(400);
        assertThat(asRecords.awsErrorDetails().errorMessage())
                .isEqualTo("Database returned more than the allowed response size limit");
        assertThat(asJson.awsErrorDetails().errorMessage())
                .isEqualTo("Database returned more than the allowed response size limit");
    }
}
