package dev.ec2inventory.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fleet listing and the package lookup through the Data API emulator, which refuses results over 1 MiB. */
@EmulatedDatabase
class FleetListingIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-06T02:45:32Z"), ZoneOffset.UTC);
    private static final InstalledPackage OPENSSL_1 = new InstalledPackage("openssl", "1.1.1");
    private static final InstalledPackage OPENSSL_3 = new InstalledPackage("openssl", "3.0.2");
    private static final InstalledPackage CURL = new InstalledPackage("curl", "7.81");

    private static EmulatedCluster cluster;
    private static InventoryRepository repository;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        repository = new InventoryRepository(cluster.dataApi(), CLOCK);
    }

    @Test
    void anEmptyFleetIsOneEmptyPageInOneCall() {
        FleetPage page = repository.list(new FleetQuery(FleetFilter.NONE, 100, Optional.empty()));

        assertThat(page.records()).isEmpty();
        assertThat(page.nextToken()).isEmpty();
        assertThat(cluster.calls()).isEqualTo(1);
    }

    @Test
    void aPageHoldsWholeRecordsInIdOrderEachInOneCall() {
        add("i-3", "eu-west-1", "111111111111", CURL);
        add("i-1", "us-east-1", "123456789012", OPENSSL_3, CURL, OPENSSL_1);
        add("i-2", "us-east-1", "123456789012");
        cluster.reset();

        FleetPage first = repository.list(query(FleetFilter.NONE, 2, Optional.empty()));
        FleetPage second = repository.list(query(FleetFilter.NONE, 2, first.nextToken()));

        assertThat(ids(first)).containsExactly("i-1", "i-2");
        assertThat(first.records().get(0)).isEqualTo(repository.find("i-1").orElseThrow());
        assertThat(first.records().get(0).ec2Instance().packages()).containsExactly(CURL, OPENSSL_1, OPENSSL_3);
        assertThat(first.records().get(1).ec2Instance().packages()).isEmpty();
        assertThat(ids(second)).containsExactly("i-3");
        assertThat(second.nextToken()).as("the last page says so").isEmpty();
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(2 + 1);
        assertThat(cluster.calls()).isEqualTo(2 + 1);
    }

    @Test
    void aFullLastPageHasNoNextToken() {
        add("i-1", "us-east-1", "123456789012");
        add("i-2", "us-east-1", "123456789012");

        FleetPage page = repository.list(query(FleetFilter.NONE, 2, Optional.empty()));

        assertThat(ids(page)).containsExactly("i-1", "i-2");
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void filtersSelectByAccountRegionPackageAndVersion() {
        add("i-1", "us-east-1", "111111111111", OPENSSL_1, CURL);
        add("i-2", "us-east-1", "222222222222", OPENSSL_3);
        add("i-3", "eu-west-1", "111111111111", OPENSSL_3, CURL);
        add("i-4", "eu-west-1", "222222222222");

        assertThat(listAll(filter(null, "111111111111", null, null))).containsExactly("i-1", "i-3");
        assertThat(listAll(filter("eu-west-1", null, null, null))).containsExactly("i-3", "i-4");
        assertThat(listAll(filter("eu-west-1", "222222222222", null, null))).containsExactly("i-4");
        assertThat(listAll(filter(null, null, "openssl", null))).containsExactly("i-1", "i-2", "i-3");
        assertThat(listAll(filter(null, null, "openssl", "3.0.2"))).containsExactly("i-2", "i-3");
        assertThat(listAll(filter("us-east-1", null, "openssl", "3.0.2"))).containsExactly("i-2");
        assertThat(listAll(filter(null, null, "OpenSSL", null))).as("names are exact").isEmpty();
        assertThat(listAll(filter(null, null, "openssl", "9"))).isEmpty();
        // A record found by its package still lists all its packages.
        assertThat(repository.list(query(filter(null, null, "curl", null), 1, Optional.empty())).records().get(0)
                .ec2Instance().packages()).containsExactly(CURL, OPENSSL_1);
    }

    /**
     * Keyset paging: instances added before the position or removed after it never shift a page. Between the pages,
     * other requests add and delete instances on both sides of the position.
     */
    @Test
    void pagingAcrossThreePagesWhileOtherRequestsInsertAndDelete() {
        for (int i = 10; i < 40; i++) {
            add("i-" + i, "us-east-1", "123456789012", i % 2 == 0 ? OPENSSL_1 : OPENSSL_3);
        }
        List<String> seen = new ArrayList<>();

        FleetPage first = repository.list(query(FleetFilter.NONE, 10, Optional.empty()));
        seen.addAll(ids(first));
        add("i-05", "us-east-1", "123456789012");         // before the position: not in a later page
        assertThat(repository.delete("i-12")).isTrue();   // already listed
        assertThat(repository.delete("i-25")).isTrue();   // not listed yet: never listed
        add("i-255", "us-east-1", "123456789012");        // not listed yet: listed once, in order
        FleetPage second = repository.list(query(FleetFilter.NONE, 10, first.nextToken()));
        seen.addAll(ids(second));
        add("i-205", "us-east-1", "123456789012");        // behind the position again
        assertThat(repository.delete("i-39")).isTrue();
        add("i-99", "us-east-1", "123456789012", CURL);
        FleetPage third = repository.list(query(FleetFilter.NONE, 10, second.nextToken()));
        seen.addAll(ids(third));

        List<String> expected = new ArrayList<>();
        for (int i = 10; i < 39; i++) {
            if (i != 25) {
                expected.add("i-" + i);
            }
        }
        expected.add(expected.indexOf("i-26"), "i-255");
        expected.add("i-99");
        assertThat(ids(first)).hasSize(10);
        assertThat(ids(second)).hasSize(10);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(third.nextToken()).isEmpty();
    }

    @Test
    void pagingByPackageVersionKeepsItsFilterAcrossPages() {
        for (int i = 10; i < 35; i++) {
            add("i-" + i, "us-east-1", "123456789012", i % 2 == 0 ? OPENSSL_1 : OPENSSL_3);
        }
        FleetFilter vulnerable = filter(null, null, "openssl", "1.1.1");

        List<String> listed = listAll(vulnerable, 4);

        assertThat(listed).hasSize(13).allSatisfy(id -> assertThat(Integer.parseInt(id.substring(2)) % 2).isZero());
    }

    @Test
    void idsAreOrderedByCodePointAsTheBinaryCollationOrdersThem() {
        // U+1F680 is after U+FF5E by code point, before it in UTF-16 (String.compareTo).
        add("i-\uD83D\uDE80", "us-east-1", "123456789012");
        add("i-\uFF5E", "us-east-1", "123456789012");
        add("i-Z", "us-east-1", "123456789012");
        add("i-a", "us-east-1", "123456789012");

        assertThat(listAll(FleetFilter.NONE, 1)).containsExactly("i-Z", "i-a", "i-\uFF5E", "i-\uD83D\uDE80");
    }

    @Test
    void thePackageLookupCountsInstancesPerVersionInOneCall() {
        add("i-1", "us-east-1", "123456789012", OPENSSL_1, CURL);
        add("i-2", "us-east-1", "123456789012", OPENSSL_3);
        add("i-3", "us-east-1", "123456789012", OPENSSL_3);
        repository.replacePackages("i-1", List.of(CURL));
        cluster.reset();

        PackageUsage usage = repository.packageUsage("openssl");

        assertThat(usage.versions()).containsExactly(new PackageUsage.VersionUsage("1.1.1", 0),
                new PackageUsage.VersionUsage("3.0.2", 2));
        assertThat(usage.truncated()).isFalse();
        assertThat(repository.packageUsage("OpenSSL").versions()).as("names are exact").isEmpty();
        assertThat(repository.packageUsage("unknown").versions()).isEmpty();
        assertThat(cluster.calls()).isEqualTo(3);
    }

    @Test
    void thePackageLookupListsAtMostItsMaximumOfVersions() {
        StringBuilder insert = new StringBuilder("INSERT INTO package (package_name, package_version) VALUES ");
        for (int i = 0; i <= PackageUsage.MAX_VERSIONS; i++) {
            insert.append(i == 0 ? "" : ", ").append("('many', '").append(String.format("%05d", i)).append("')");
        }
        cluster.database.execute(insert.toString());

        PackageUsage usage = repository.packageUsage("many");

        assertThat(usage.versions()).hasSize(PackageUsage.MAX_VERSIONS);
        assertThat(usage.versions().get(0).packageVersion()).isEqualTo("00000");
        assertThat(usage.truncated()).isTrue();
    }

    /**
     * The worst case POST and PUT accept, three times: every text at its limit in 4-byte characters and 1,000
     * packages each, 617,256 bytes by the page's price. Two would pass 1 MiB, so each page holds one, in one call;
     * the emulator refuses any result over 1 MiB, as the service does.
     */
    @Test
    void recordsOfAThousandPackagesAtEveryLimitComeOnePerPageWithinTheResponseLimit() {
        List<Ec2Instance> worst = List.of(WorstCases.instance(0x1F600), WorstCases.instance(0x1F680),
                WorstCases.instance(0x1F900));
        worst.forEach(repository::add);
        cluster.reset();

        List<InventoryEntry> listed = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            FleetPage page = repository.list(query(FleetFilter.NONE, FleetQuery.MAX_LIMIT, token));
            assertThat(page.records()).hasSize(1);
            listed.addAll(page.records());
            token = page.nextToken();
            pages++;
        } while (token.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(cluster.calls()).isEqualTo(3);
        assertThat(listed).extracting(InventoryEntry::ec2Instance).containsExactlyElementsOf(worst);
    }

    /**
     * A thousand instances whose id, region and account are at their limits in 4-byte characters: 1,256 bytes each by
     * the price, 1.26 MB for a full page of 1,000. The budget cuts the first page at 782 records.
     */
    @Test
    void aThousandInstancesAtEveryLimitArePagedWithinTheResponseLimit() throws SQLException {
        String region = Character.toString(0x1F30D).repeat(InventoryLimits.AWS_REGION_LENGTH);
        String account = Character.toString(0x1F522).repeat(InventoryLimits.AWS_ACCOUNT_LENGTH);
        try (Connection connection = cluster.database.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ec2 (aws_instance_id, aws_region, aws_account) VALUES (?, ?, ?)")) {
            for (int i = 0; i < FleetQuery.MAX_LIMIT; i++) {
                insert.setString(1, Character.toString(0x1F000 + i)
                        + Character.toString(0x1F4BB).repeat(InventoryLimits.AWS_INSTANCE_ID_LENGTH - 1));
                insert.setString(2, region);
                insert.setString(3, account);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        long budget = FleetQueries.PAGE_BUDGET_BYTES;
        long instanceCost = 4L * (InventoryLimits.AWS_INSTANCE_ID_LENGTH + InventoryLimits.AWS_REGION_LENGTH
                + InventoryLimits.AWS_ACCOUNT_LENGTH) + FleetQueries.INSTANCE_ROW_BYTES;

        FleetPage first = repository.list(query(FleetFilter.NONE, FleetQuery.MAX_LIMIT, Optional.empty()));
        FleetPage second = repository.list(query(FleetFilter.NONE, FleetQuery.MAX_LIMIT, first.nextToken()));

        assertThat(first.records()).hasSize((int) (budget / instanceCost)).hasSize(782);
        assertThat(second.records()).hasSize(FleetQuery.MAX_LIMIT - 782);
        assertThat(second.nextToken()).isEmpty();
        assertThat(cluster.calls()).isEqualTo(2);
    }

    private static void add(String id, String region, String account, InstalledPackage... packages) {
        repository.add(new Ec2Instance(id, region, account, List.of(packages)));
    }

    private static FleetFilter filter(String region, String account, String packageName, String packageVersion) {
        return new FleetFilter(Optional.ofNullable(account), Optional.ofNullable(region),
                Optional.ofNullable(packageName), Optional.ofNullable(packageVersion));
    }

    private static FleetQuery query(FleetFilter filter, int limit, Optional<String> token) {
        return FleetQuery.of(filter, limit, token);
    }

    private static List<String> listAll(FleetFilter filter) {
        return listAll(filter, 2);
    }

    private static List<String> listAll(FleetFilter filter, int limit) {
        List<String> ids = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            FleetPage page = repository.list(query(filter, limit, token));
            ids.addAll(ids(page));
            token = page.nextToken();
        } while (token.isPresent());
        return ids;
    }

    private static List<String> ids(FleetPage page) {
        return page.records().stream().map(entry -> entry.ec2Instance().awsInstanceId()).toList();
    }
}
