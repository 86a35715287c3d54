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
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * What only a scripted client shows: the order in which writes lock package keys, and failures the real database
 * cannot be made to give. Persistence and round trips are InventoryRepositoryIT's.
 */
class InventoryRepositoryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-06T02:45:32.750Z"), ZoneOffset.UTC);
    private static final InstalledPackage B = new InstalledPackage("package-2", "v1");
    private static final InstalledPackage A = new InstalledPackage("package-1", "v2");

    private final ScriptedRdsDataClient client = new ScriptedRdsDataClient();
    private final InventoryRepository repository = new InventoryRepository(
            new JooqDataApi(new DataApiClient(client), new DataApiTarget("arn:cluster", "arn:secret", "inventory")),
            CLOCK);

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

    private static InventoryRepository repositoryOver(ScriptedRdsDataClient scripted) {
        return new InventoryRepository(
                new JooqDataApi(new DataApiClient(scripted), new DataApiTarget("arn:cluster", "arn:secret", "db")), CLOCK);
    }

    private static Ec2Instance instance(List<InstalledPackage> packages) {
        return new Ec2Instance("i-1", "us-east-1", "123456789012", packages);
    }

    private static List<String> values(ExecuteStatementRequest statement) {
        return statement.parameters().stream().map(SqlParameter::value).map(Field::stringValue).toList();
    }
}
