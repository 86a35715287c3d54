package dev.ec2inventory.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository through the Data API emulator on the migrated schema. */
class InventoryRepositoryIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-06T02:45:32.600Z"), ZoneOffset.UTC);
    private static final InstalledPackage ONE_V1 = new InstalledPackage("package-1", "v1");
    private static final InstalledPackage ONE_V2 = new InstalledPackage("package-1", "v2");
    private static final InstalledPackage TWO_V1 = new InstalledPackage("package-2", "v1");

    private static EmulatedCluster cluster;
    private static InventoryRepository repository;

    @BeforeAll
    static void start() {
        cluster = EmulatedCluster.migrated("inventory");
        repository = new InventoryRepository(cluster.dataApi(), CLOCK);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @AfterEach
    void clean() {
        cluster.reset();
        cluster.database.deleteInventoryRows();
    }

    @Test
    void findsWhatWasAddedWithPackagesInKeyOrder() {
        Ec2Instance added = instance("i-01aaae43feb712345", TWO_V1, ONE_V2, ONE_V1);

        assertThat(repository.add(added)).isEqualTo(AddOutcome.ADDED);

        assertThat(repository.find("i-01aaae43feb712345")).hasValueSatisfying(entry -> {
            assertThat(entry.creationDateUtc()).isEqualTo(LocalDateTime.of(2019, 3, 6, 2, 45, 32));
            assertThat(entry.ec2Instance().awsRegion()).isEqualTo("us-east-1");
            assertThat(entry.ec2Instance().packages()).containsExactly(ONE_V1, ONE_V2, TWO_V1);
        });
    }

    @Test
    void anInstanceWithoutPackagesHasNone() {
        repository.add(instance("i-1"));

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

        assertThat(repository.add(new Ec2Instance("i-1", "eu-west-1", "210987654321", List.of(TWO_V1))))
                .isEqualTo(AddOutcome.DUPLICATE_INSTANCE);

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

    @Test
    void spellingsTheCollationEquatesAreOnePackage() {
        // utf8mb4's default collations ignore case: the second spelling is the first package, not a failed request.
        assertThat(repository.add(instance("i-1", new InstalledPackage("PyYAML", "6.0"),
                new InstalledPackage("pyyaml", "6.0")))).isEqualTo(AddOutcome.ADDED);

        assertThat(repository.find("i-1").orElseThrow().ec2Instance().packages()).hasSize(1);
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

        assertThat(repository.add(largest)).isEqualTo(AddOutcome.ADDED);
        long addCalls = cluster.calls();
        cluster.reset();
        // The emulator refuses results over the Data API's 1 MiB, as the service does.
        assertThat(repository.find(longestId)).hasValueSatisfying(entry ->
                assertThat(entry.ec2Instance()).isEqualTo(largest));

        assertThat(addCalls).isEqualTo(5);
        assertThat(cluster.calls()).isEqualTo(1);
    }

    private static Ec2Instance instance(String id, InstalledPackage... packages) {
        return new Ec2Instance(id, "us-east-1", "123456789012", List.of(packages));
    }
}
