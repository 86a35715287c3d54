package dev.ec2inventory.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.testing.TestDatabase;
import dev.ec2inventory.testing.TestDatabaseServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code migrate} driven through picocli against the Data API emulator, as deploy_scripts/migrate.sh drives it. */
class MigrateCommandIT {

    private static DataApiEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = DataApiEmulator.builder().cluster(LocalCluster.on(TestDatabaseServer.shared())).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void appliesTheMigrationsAndThenHasNothingToApply() throws SQLException {
        try (TestDatabase database = TestDatabase.empty("migrate_cmd")) {
            Run first = migrate(database.name());
            Run second = migrate(database.name());

            assertThat(first.exitCode()).as(first.error()).isZero();
            assertThat(first.output())
                    .contains("Migrating database " + database.name() + " of " + LocalCluster.RESOURCE_ARN
                            + " through the Data API at " + emulator.endpoint())
                    .contains("applying V1__create_inventory_tables.sql (create inventory tables)")
                    .contains("applying V2__exact_text_identity.sql (exact text identity)")
                    .contains("Done: applied 2 migrations (V1__create_inventory_tables.sql, V2__exact_text_identity.sql); "
                            + "the schema is at version 2.");
            assertThat(tables(database)).contains("ec2", "package", "ec2_package", "flyway_schema_history");
            assertThat(second.exitCode()).as(second.error()).isZero();
            assertThat(second.output()).contains("Done: nothing to apply; the schema is at version 2.")
                    .doesNotContain("applying");
        }
    }

    @Test
    void signsWithTheCallersCredentialsAndNeverInstallsPlaceholderKeys() {
        String configured = System.getProperty("aws.accessKeyId");
        System.setProperty("aws.accessKeyId", "callers-own-key");
        try (TestDatabase database = TestDatabase.empty("migrate_keys")) {
            Run run = migrate(database.name());

            assertThat(run.exitCode()).as(run.error()).isZero();
            assertThat(System.getProperty("aws.accessKeyId")).isEqualTo("callers-own-key");
        } finally {
            System.setProperty("aws.accessKeyId", configured);
        }
    }

    @Test
    void failsWithTheDatabasesReasonWhenTheDatabaseIsMissing() {
        Run run = migrate("it_migrate_missing_database");

        assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
        assertThat(run.error()).startsWith("migrate failed: ").contains("Unknown database");
        assertThat(run.output()).doesNotContain("Done");
    }

    @Test
    void failsWithTheServicesReasonWhenTheSecretIsWrong() {
        Run run = run("migrate", "--resource-arn", LocalCluster.RESOURCE_ARN, "--secret-arn",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:someone-else", "--database", "any",
                "--endpoint", emulator.endpoint().toString());

        assertThat(run.exitCode()).isEqualTo(MigrateCommand.FAILED);
        assertThat(run.error()).startsWith("migrate failed: ").contains("secret");
    }

    @Test
    void refusesUnusableArgumentsBeforeCallingAnything() {
        emulator.calls().reset();

        Run notAnArn = run("migrate", "--resource-arn", "ec2-inventory", "--secret-arn", LocalCluster.SECRET_ARN,
                "--database", "any", "--endpoint", emulator.endpoint().toString());
        Run missingDatabase = run("migrate", "--resource-arn", LocalCluster.RESOURCE_ARN,
                "--secret-arn", LocalCluster.SECRET_ARN);

        assertThat(notAnArn.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(notAnArn.error()).contains("arn:aws:rds:<region>:<account>:cluster:<name>");
        assertThat(missingDatabase.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(missingDatabase.error()).contains("Missing required option: '--database=<name>'");
        assertThat(emulator.calls().total()).isZero();
    }

    private static Run migrate(String database) {
        return run("migrate", "--resource-arn", LocalCluster.RESOURCE_ARN, "--secret-arn", LocalCluster.SECRET_ARN,
                "--database", database, "--endpoint", emulator.endpoint().toString(), "--region", LocalCluster.REGION);
    }

    private static Run run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new LocalCli());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(arguments);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static List<String> tables(TestDatabase database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect();
                ResultSet rows = connection.createStatement().executeQuery("SHOW TABLES")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private record Run(int exitCode, String output, String error) {
    }
}
