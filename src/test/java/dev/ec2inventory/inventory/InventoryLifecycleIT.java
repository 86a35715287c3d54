package dev.ec2inventory.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiFault;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deleting an instance and replacing its packages, through the Data API emulator, call by call. */
@EmulatedDatabase
class InventoryLifecycleIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-06T02:45:32Z"), ZoneOffset.UTC);
    private static final InstalledPackage ONE_V1 = new InstalledPackage("package-1", "v1");
    private static final InstalledPackage ONE_V2 = new InstalledPackage("package-1", "v2");
    private static final InstalledPackage TWO_V1 = new InstalledPackage("package-2", "v1");
    private static final InstalledPackage THREE_V1 = new InstalledPackage("package-3", "v1");
    /** Any failure the translator does not retry: the statement is refused without running. */
    private static final DataApiFault REFUSED = DataApiFault.databaseError(1105, "injected failure");

    private static EmulatedCluster cluster;
    private static InventoryRepository repository;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        repository = new InventoryRepository(cluster.dataApi(), CLOCK);
    }

    @Test
    void deleteRemovesTheInstanceAndItsLinksInOneCallAndKeepsItsPackages() {
        add("i-1", ONE_V1, TWO_V1);
        add("i-2", ONE_V1);
        cluster.reset();

        assertThat(repository.delete("i-1")).isTrue();

        assertThat(cluster.calls()).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(1);
        assertThat(repository.find("i-1")).isEmpty();
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2_package WHERE aws_instance_id = 'i-1'"))
                .isZero();
        assertThat(repository.find("i-2").orElseThrow().ec2Instance().packages()).containsExactly(ONE_V1);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).as("the catalogue stays").isEqualTo(2);
    }

    @Test
    void deletingAnUnknownInstanceSaysSoInOneCall() {
        add("i-1", ONE_V1);
        assertThat(repository.delete("i-1")).isTrue();
        cluster.reset();

        assertThat(repository.delete("i-1")).isFalse();
        assertThat(repository.delete("I-1")).as("ids are exact").isFalse();

        assertThat(cluster.calls()).isEqualTo(2);
    }

    /** Its one call fails before the statement runs: the instance and every link stay. */
    @Test
    void aDeleteWhoseCallFailsChangesNothing() {
        add("i-1", ONE_V1, TWO_V1);
        cluster.emulator.faults().failNthCallFromNow(1, REFUSED);

        assertThatThrownBy(() -> repository.delete("i-1")).isInstanceOf(RuntimeException.class);

        assertThat(repository.find("i-1").orElseThrow().ec2Instance().packages()).containsExactly(ONE_V1, TWO_V1);
    }

    @Test
    void replaceSwapsThePackagesInSixCallsAndAnswersTheRecordAsFindDoes() {
        add("i-1", ONE_V1, TWO_V1);
        cluster.reset();

        InventoryEntry replaced = repository.replacePackages("i-1", List.of(THREE_V1, ONE_V2, THREE_V1));

        assertThat(cluster.calls(DataApiOperation.BEGIN_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(4);
        assertThat(cluster.calls(DataApiOperation.COMMIT_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls()).isEqualTo(6);
        assertThat(replaced.ec2Instance().packages()).containsExactly(ONE_V2, THREE_V1);
        assertThat(replaced.creationDateUtc()).isEqualTo(LocalDateTime.of(2019, 3, 6, 2, 45, 32));
        assertThat(repository.find("i-1")).contains(replaced);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isEqualTo(4);
    }

    @Test
    void replacingWithNoPackagesEmptiesTheListInFourCalls() {
        add("i-1", ONE_V1);
        cluster.reset();

        InventoryEntry replaced = repository.replacePackages("i-1", List.of());

        assertThat(replaced.ec2Instance().packages()).isEmpty();
        assertThat(repository.find("i-1").orElseThrow().ec2Instance().packages()).isEmpty();
        assertThat(cluster.calls()).isEqualTo(4 + 1);
    }

    @Test
    void replacingThePackagesOfAnUnknownInstanceIsNotFoundAndRollsBack() {
        assertThatThrownBy(() -> repository.replacePackages("i-unknown", List.of(ONE_V1)))
                .isInstanceOf(InstanceNotFoundException.class)
                .hasMessage("Instance i-unknown is not in the inventory");

        assertThat(cluster.calls(DataApiOperation.ROLLBACK_TRANSACTION)).isEqualTo(1);
        assertThat(cluster.calls()).isEqualTo(3);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isZero();
    }

    @Test
    void moreThanTheMostPackagesAreRefusedBeforeAnyCall() {
        add("i-1");
        cluster.reset();
        List<InstalledPackage> tooMany = IntStream.rangeClosed(0, InventoryLimits.PACKAGES_PER_INSTANCE)
                .mapToObj(i -> new InstalledPackage("p" + i, "1")).toList();

        assertThatThrownBy(() -> repository.replacePackages("i-1", tooMany))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("packages must have at most 1000 items");
        assertThat(cluster.calls()).isZero();
    }

    /**
     * Each of the six calls fails in turn (BeginTransaction, the SELECT, the DELETE, the packages, the links, Commit):
     * the instance keeps exactly its old packages, and no package of the new list reaches the catalogue.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void aReplaceThatFailsAtAnyCallChangesNothing(int failingCall) {
        add("i-1", ONE_V1, TWO_V1);
        cluster.reset();
        cluster.emulator.faults().failNthCallFromNow(failingCall, REFUSED);

        assertThatThrownBy(() -> repository.replacePackages("i-1", List.of(ONE_V2, THREE_V1)))
                .isInstanceOf(RuntimeException.class);

        assertThat(repository.find("i-1").orElseThrow().ec2Instance().packages()).containsExactly(ONE_V1, TWO_V1);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isEqualTo(2);
        assertThat(cluster.calls(DataApiOperation.COMMIT_TRANSACTION)).isLessThanOrEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.ROLLBACK_TRANSACTION)).isEqualTo(failingCall == 1 ? 0 : 1);
    }

    /** The worst case PUT accepts, over an instance that already has as many: still six calls. */
    @Test
    void replacingWithTheWorstCaseListTakesSixCalls() {
        Ec2Instance worst = WorstCases.instance(0x1F600);
        repository.add(worst);
        // The same names, every version another 4-byte character at full length: 1,000 new packages and links.
        List<InstalledPackage> others = IntStream.range(0, worst.packages().size())
                .mapToObj(i -> new InstalledPackage(worst.packages().get(i).packageName(),
                        Character.toString(0x1F400 + i).repeat(InventoryLimits.PACKAGE_VERSION_LENGTH)))
                .toList();
        cluster.reset();

        InventoryEntry replaced = repository.replacePackages(worst.awsInstanceId(), others);

        assertThat(cluster.calls()).isEqualTo(6);
        assertThat(replaced.ec2Instance().packages()).hasSize(InventoryLimits.PACKAGES_PER_INSTANCE)
                .containsExactlyInAnyOrderElementsOf(others);
        assertThat(repository.find(worst.awsInstanceId())).contains(replaced);
    }

    private static void add(String id, InstalledPackage... packages) {
        repository.add(new Ec2Instance(id, "us-east-1", "123456789012", List.of(packages)));
    }
}
