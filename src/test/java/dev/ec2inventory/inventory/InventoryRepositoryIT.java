package dev.ec2inventory.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiFault;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The repository through the Data API emulator on the migrated schema. */
@EmulatedDatabase
class InventoryRepositoryIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-06T02:45:32.600Z"), ZoneOffset.UTC);
    private static final InstalledPackage ONE_V1 = new InstalledPackage("package-1", "v1");
    private static final InstalledPackage ONE_V2 = new InstalledPackage("package-1", "v2");
    private static final InstalledPackage TWO_V1 = new InstalledPackage("package-2", "v1");

    private static EmulatedCluster cluster;
    private static InventoryRepository repository;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        repository = new InventoryRepository(cluster.dataApi(), CLOCK);
    }

    @Test
    void findsWhatWasAddedWithPackagesInKeyOrder() {
        Ec2Instance added = instance("i-01aaae43feb712345", TWO_V1, ONE_V2, ONE_V1);

        repository.add(added);

        assertThat(repository.find("i-01aaae43feb712345")).hasValueSatisfying(entry -> {
            assertThat(entry.creationDateUtc()).isEqualTo(LocalDateTime.of(2019, 3, 6, 2, 45, 32));
            assertThat(entry.ec2Instance().awsRegion()).isEqualTo("us-east-1");
            assertThat(entry.ec2Instance().packages()).containsExactly(ONE_V1, ONE_V2, TWO_V1);
        });
    }

    @Test
    void anInstanceWithoutPackagesHasNone() {
        repository.add(instance("i-1"));
        assertThat(cluster.calls()).as("one INSERT, no transaction").isEqualTo(1);

        assertThat(repository.find("i-1")).hasValueSatisfying(entry ->
                assertThat(entry.ec2Instance().packages()).isEmpty());
        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isZero();
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        assertThat(repository.find("i-unknown")).isEmpty();
    }

    @Test
    void aDuplicateInstanceWritesNothing() {
        repository.add(instance("i-1", ONE_V1));

        Ec2Instance again = new Ec2Instance("i-1", "eu-west-1", "210987654321", List.of(TWO_V1));
        cluster.reset();
        assertThatThrownBy(() -> repository.add(again)).isInstanceOf(InstanceAlreadyExistsException.class);
        // The instance's INSERT fails first, and the transaction is rolled back.
        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.ROLLBACK_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls()).isEqualTo(3);

        assertThat(repository.find("i-1")).hasValueSatisfying(entry -> {
            assertThat(entry.ec2Instance().awsRegion()).isEqualTo("us-east-1");
            assertThat(entry.ec2Instance().packages()).containsExactly(ONE_V1);
        });
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isEqualTo(1);
    }

    @Test
    void instancesShareThePackagesTheyHaveInCommon() {
        repository.add(instance("i-1", ONE_V1, ONE_V2));
        repository.add(instance("i-2", ONE_V2, TWO_V1));

        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isEqualTo(3);
        assertThat(repository.find("i-2").orElseThrow().ec2Instance().packages()).containsExactly(ONE_V2, TWO_V1);
    }

    /**
     * Each pair was one package under the old case- and accent-insensitive collation (the second spelling silently
     * dropped); byte for byte they are two, and what POST stores is what GET reads and the table holds.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PyYAML | 6.0 | pyyaml | 6.0",
            "lib | 1.0-RC1 | lib | 1.0-rc1",
            "cafe | 1 | caf\u00e9 | 1",
            "stra\u00dfe | 1 | strasse | 1",
            "\u00df | 1 | s | 1",
            "\uD83D\uDE00 | 1 | \uD83D\uDE01 | 1",
            "\uD83D\uDE80 | 1 | \uFF5E | 1"})
    void packagesThatDifferInAnyByteAreDistinct(String firstName, String firstVersion, String secondName,
            String secondVersion) {
        InstalledPackage first = new InstalledPackage(firstName, firstVersion);
        InstalledPackage second = new InstalledPackage(secondName, secondVersion);
        Ec2Instance added = instance("i-1", first, second);

        repository.add(added);

        List<InstalledPackage> read = repository.find("i-1").orElseThrow().ec2Instance().packages();
        assertThat(read).containsExactlyInAnyOrder(first, second);
        assertThat(storedLinks()).containsExactlyInAnyOrderElementsOf(added.packages());
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isEqualTo(2);
    }

    @Test
    void instanceIdsAreExact() {
        repository.add(instance("x-CaseId", ONE_V1));
        repository.add(instance("x-caseid", ONE_V2));

        assertThat(repository.find("X-CASEID")).isEmpty();
        assertThat(repository.find("x-CaseId").orElseThrow().ec2Instance().packages()).containsExactly(ONE_V1);
        assertThat(repository.find("x-caseid").orElseThrow().ec2Instance().packages()).containsExactly(ONE_V2);
        assertThatThrownBy(() -> repository.add(instance("x-CaseId")))
                .isInstanceOf(InstanceAlreadyExistsException.class)
                .hasMessage("Instance x-CaseId is already in the inventory");
    }

    /** A deadlock victim is rolled back by the server; the repository runs the whole transaction again. */
    @Test
    void aTransactionThatLosesADeadlockIsRunAgainWhole() {
        // The third call is the packages' INSERT: BeginTransaction, the instance, then it.
        cluster.emulator.faults().failNthCallFromNow(3, DataApiFault.deadlock());

        repository.add(instance("i-1", ONE_V1, TWO_V1));

        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(2);
        assertThat(cluster.calls(DataApiOperation.ROLLBACK_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.COMMIT_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(2 + 3);
        assertThat(repository.find("i-1").orElseThrow().ec2Instance().packages()).containsExactly(ONE_V1, TWO_V1);
    }

    @Test
    void lockConflictsBeyondTheRetryBudgetLeaveNothingStoredAndMeanUnavailable() {
        int attempts = EmulatedCluster.QUICK_RETRIES.maxAttempts();
        for (int attempt = 0; attempt < attempts; attempt++) {
            // Each attempt: BeginTransaction, the instance (failing), RollbackTransaction.
            cluster.emulator.faults().failNthCallFromNow(2 + 3 * attempt,
                    attempt % 2 == 0 ? DataApiFault.deadlock() : DataApiFault.lockWaitTimeout());
        }

        assertThatThrownBy(() -> repository.add(instance("i-1", ONE_V1)))
                .isInstanceOfSatisfying(InventoryUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).isPositive());

        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(attempts);
        assertThat(cluster.calls(DataApiOperation.COMMIT_TRANSACTION)).isZero();
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2")).isZero();
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isZero();
    }

    @Test
    void theLargestInstanceFitsTheDataApiLimits() {
        String longestId = "i-" + "0".repeat(InventoryLimits.AWS_INSTANCE_ID_LENGTH - 2);
        List<InstalledPackage> packages = IntStream.range(0, InventoryLimits.PACKAGES_PER_INSTANCE)
                .mapToObj(i -> new InstalledPackage(
                        String.format("%0" + InventoryLimits.PACKAGE_NAME_LENGTH + "d", i),
                        "v".repeat(InventoryLimits.PACKAGE_VERSION_LENGTH)))
                .toList();
        Ec2Instance largest = new Ec2Instance(longestId, "r".repeat(InventoryLimits.AWS_REGION_LENGTH),
                "1".repeat(InventoryLimits.AWS_ACCOUNT_LENGTH), packages);

        repository.add(largest);
        long addCalls = cluster.calls();
        cluster.reset();
        // The emulator refuses results over the Data API's 1 MiB, as the service does.
        assertThat(repository.find(longestId)).hasValueSatisfying(entry ->
                assertThat(entry.ec2Instance()).isEqualTo(largest));

        assertThat(addCalls).isEqualTo(5);
        assertThat(cluster.calls()).isEqualTo(1);
    }

    /**
     * The worst case POST accepts: every field at its limit in 4-byte characters (each 4 bytes of result data) and
     * the most packages. It used to be stored and then unreadable: the join repeated the instance's 1,213 bytes on
     * each of the 1,000 rows, 1.8 MB of result against the Data API's 1 MiB. Now the instance comes once: 0.6 MB.
     */
    @Test
    void theWorstCaseRecordIsReadBackFieldByFieldInOneCall() {
        Ec2Instance worst = worstCase();

        repository.add(worst);
        cluster.reset();
        InventoryEntry read = repository.find(worst.awsInstanceId()).orElseThrow();

        assertThat(cluster.calls()).isEqualTo(1);
        assertThat(read.ec2Instance().awsInstanceId()).isEqualTo(worst.awsInstanceId());
        assertThat(read.ec2Instance().awsRegion()).isEqualTo(worst.awsRegion());
        assertThat(read.ec2Instance().awsAccount()).isEqualTo(worst.awsAccount());
        assertThat(read.ec2Instance().packages()).hasSize(InventoryLimits.PACKAGES_PER_INSTANCE)
                .containsExactlyInAnyOrderElementsOf(worst.packages());
        assertThat(read.ec2Instance().packages()).isSortedAccordingTo(
                (left, right) -> InventoryRepository.compareCodePoints(left.packageName(), right.packageName()));
    }

    /** Every field at its length limit, all in distinct 4-byte characters (U+1F000 and up). */
    static Ec2Instance worstCase() {
        List<InstalledPackage> packages = IntStream.range(0, InventoryLimits.PACKAGES_PER_INSTANCE)
                .mapToObj(i -> new InstalledPackage(
                        emoji(i) + emoji(0).repeat(InventoryLimits.PACKAGE_NAME_LENGTH - 1),
                        emoji(i).repeat(InventoryLimits.PACKAGE_VERSION_LENGTH)))
                .toList();
        return new Ec2Instance(emoji(1).repeat(InventoryLimits.AWS_INSTANCE_ID_LENGTH),
                emoji(2).repeat(InventoryLimits.AWS_REGION_LENGTH), emoji(3).repeat(InventoryLimits.AWS_ACCOUNT_LENGTH),
                packages);
    }

    private static String emoji(int offset) {
        return Character.toString(0x1F000 + offset);
    }

    /** The links as the table holds them, read over JDBC beside the Data API. */
    private static List<InstalledPackage> storedLinks() {
        List<InstalledPackage> links = new ArrayList<>();
        try (Connection connection = cluster.database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT package_name, package_version FROM ec2_package")) {
            while (rows.next()) {
                links.add(new InstalledPackage(rows.getString(1), rows.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return links;
    }

    private static Ec2Instance instance(String id, InstalledPackage... packages) {
        return new Ec2Instance(id, "us-east-1", "123456789012", List.of(packages));
    }
}
