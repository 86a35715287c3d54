package dev.ec2inventory.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiSqlException;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.ScriptedRdsDataClient;
import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/** The repository's call plan, against a scripted client; its SQL runs for real in InventoryQueriesIT. */
class InventoryRepositoryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-06T02:45:32.750Z"), ZoneOffset.UTC);
    private static final InstalledPackage B = new InstalledPackage("package-2", "v1");
    private static final InstalledPackage A = new InstalledPackage("package-1", "v2");
    private static final Field NULL = Field.builder().isNull(true).build();

    private final ScriptedRdsDataClient client = new ScriptedRdsDataClient();
    private final InventoryRepository repository = new InventoryRepository(
            new JooqDataApi(new DataApiClient(client), new DataApiTarget("arn:cluster", "arn:secret", "inventory")),
            CLOCK);

    @Test
    void anInstanceWithoutPackagesIsOneInsert() {
        repository.add(instance(List.of()));

        assertThat(client.operations()).containsExactly("ExecuteStatement");
        assertThat(client.statements().get(0).transactionId()).isNull();
    }

    @Test
    void anInstanceWithPackagesIsOneTransactionOfFiveCalls() {
        repository.add(instance(List.of(B, A, B)));

        assertThat(client.operations()).containsExactly("BeginTransaction", "ExecuteStatement", "ExecuteStatement",
                "ExecuteStatement", "CommitTransaction");
        List<ExecuteStatementRequest> statements = client.statements();
        assertThat(statements).allSatisfy(statement ->
                assertThat(statement.transactionId()).isEqualTo(ScriptedRdsDataClient.TRANSACTION_ID));
        assertThat(statements.get(0).sql()).startsWith("insert into `ec2`");
        assertThat(statements.get(1).sql()).startsWith("insert ignore into `package`");
        assertThat(statements.get(2).sql()).startsWith("insert into `ec2_package`");
        // Key order, and the duplicate B stored once.
        assertThat(values(statements.get(1))).containsExactly("package-1", "v2", "package-2", "v1");
        assertThat(values(statements.get(2))).containsExactly("i-1", "package-1", "v2", "package-2", "v1");
    }

    /** utf8mb4_bin's order, which String.compareTo does not follow above U+FFFF. */
    @Test
    void packagesAreLockedInCodePointOrder() {
        InstalledPackage rocket = new InstalledPackage("\uD83D\uDE80", "1");
        InstalledPackage tilde = new InstalledPackage("\uFF5E", "1");
        InstalledPackage upper = new InstalledPackage("B", "1");
        InstalledPackage lower = new InstalledPackage("a", "1");
        assertThat(rocket.packageName().compareTo(tilde.packageName())).as("UTF-16 order").isNegative();

        repository.add(instance(List.of(rocket, lower, tilde, upper)));

        assertThat(values(client.statements().get(1))).containsExactly("B", "1", "a", "1", "\uFF5E", "1",
                "\uD83D\uDE80", "1");
        assertThat(InventoryRepository.compareCodePoints("ab", "a")).isPositive();
        assertThat(InventoryRepository.compareCodePoints("a", "a")).isZero();
    }

    @Test
    void theCreationDateIsNowInUtcToTheSecond() {
        repository.add(instance(List.of()));

        assertThat(values(client.statements().get(0))).last().isEqualTo("2019-03-06 02:45:32");
    }

    @Test
    void aDuplicateInstanceIsRefusedAndRollsBack() {
        ScriptedRdsDataClient scripted = new ScriptedRdsDataClient()
                .thenAnswer(BeginTransactionResponse.builder()
                        .transactionId("tx-2").build())
                .thenFail(duplicateEntry());
        InventoryRepository repository = repositoryOver(scripted);

        assertThatThrownBy(() -> repository.add(instance(List.of(A))))
                .isInstanceOf(InstanceAlreadyExistsException.class);
        assertThat(scripted.operations())
                .containsExactly("BeginTransaction", "ExecuteStatement", "RollbackTransaction");
    }

    @Test
    void otherDatabaseErrorsAreNotDuplicates() {
        InventoryRepository repository = repositoryOver(new ScriptedRdsDataClient().thenFail(
                ScriptedRdsDataClient.serviceError(DatabaseErrorException.builder(),
                        "Database error code: 1406. Message: Data too long for column 'aws_region' at row 1")));

        assertThatThrownBy(() -> repository.add(instance(List.of())))
                .isInstanceOfSatisfying(DataApiSqlException.class,
                        error -> assertThat(error.errorCode()).hasValue(1406));
    }

    @Test
    void aDatabaseThatKeepsResumingMakesTheInventoryUnavailable() {
        InventoryRepository repository = repositoryOver(new ScriptedRdsDataClient()
                .thenFail(ScriptedRdsDataClient.serviceError(DatabaseResumingException.builder(), "resuming")));

        assertThatThrownBy(() -> repository.find("i-1"))
                .isInstanceOfSatisfying(InventoryUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void findReadsTheInstanceRowAndThePackageRowsFromOneStatement() {
        client.thenAnswer(ExecuteStatementResponse.builder().records(List.of(
                instanceRow(), packageRow("package-1", "v1"), packageRow("package-1", "v2"))).build());

        InventoryEntry entry = repository.find("i-1").orElseThrow();

        assertThat(client.operations()).containsExactly("ExecuteStatement");
        assertThat(entry.creationDateUtc()).isEqualTo(LocalDateTime.of(2019, 3, 6, 2, 45, 32));
        assertThat(entry.ec2Instance()).isEqualTo(new Ec2Instance("i-1", "us-east-1", "123456789012",
                List.of(new InstalledPackage("package-1", "v1"), new InstalledPackage("package-1", "v2"))));
    }

    @Test
    void anInstanceWithoutPackagesIsItsRowAlone() {
        client.thenAnswer(ExecuteStatementResponse.builder().records(List.of(instanceRow())).build());

        assertThat(repository.find("i-1")).hasValueSatisfying(entry ->
                assertThat(entry.ec2Instance().packages()).isEmpty());
    }

    @Test
    void noRowIsNoInstance() {
        client.thenAnswer(ExecuteStatementResponse.builder().records(List.of()).build());

        assertThat(repository.find("i-1")).isEmpty();
    }

    private static InventoryRepository repositoryOver(ScriptedRdsDataClient scripted) {
        return new InventoryRepository(
                new JooqDataApi(new DataApiClient(scripted), new DataApiTarget("arn:cluster", "arn:secret", "db")), CLOCK);
    }

    private static Ec2Instance instance(List<InstalledPackage> packages) {
        return new Ec2Instance("i-1", "us-east-1", "123456789012", packages);
    }

    private static List<Field> instanceRow() {
        return List.of(text("i-1"), text("us-east-1"), text("123456789012"), text("2019-03-06 02:45:32"), NULL, NULL);
    }

    private static List<Field> packageRow(String packageName, String packageVersion) {
        return List.of(NULL, NULL, NULL, NULL, text(packageName), text(packageVersion));
    }

    private static Field text(String value) {
        return Field.builder().stringValue(value).build();
    }

    private static List<String> values(ExecuteStatementRequest statement) {
        return statement.parameters().stream().map(SqlParameter::value).map(Field::stringValue).toList();
    }

    private static RuntimeException duplicateEntry() {
        return ScriptedRdsDataClient.serviceError(DatabaseErrorException.builder(),
                "Database error code: 1062. Message: Duplicate entry 'i-1' for key 'PRIMARY'");
    }
}
