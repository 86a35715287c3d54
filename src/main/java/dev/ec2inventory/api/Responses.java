package dev.ec2inventory.api;

import static java.time.temporal.ChronoField.NANO_OF_SECOND;

import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.FleetPage;
import dev.ec2inventory.inventory.InventoryEntry;
import dev.ec2inventory.inventory.PackageUsage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Map;

/** The routes' 200 bodies, in the API's field names (snake case of the components); openapi.yaml has the shapes. */
final class Responses {

    /** {@code 2019-03-06 02:45:32.0}: the seed README's format (java.sql.Timestamp's), always in UTC. */
    static final DateTimeFormatter CREATION_DATE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(NANO_OF_SECOND, 1, 9, true)
            .toFormatter();

    private Responses() {
    }

    /** {@code POST}: what was stored, as the seed answers it. */
    record Added(NewRecord newRecord) {

        record NewRecord(String awsAccount, String awsRegion, List<PackageJson> packages) {
        }

        static Added of(Ec2Instance stored) {
            return new Added(new NewRecord(stored.awsAccount(), stored.awsRegion(), PackageJson.of(stored)));
        }
    }

    /** {@code DELETE}: {@code false} when the instance was not in the inventory (DELETE is idempotent). */
    record Deleted(boolean deleted) {
    }

    /** The record's shape, shared by every route that answers records. */
    record FoundRecord(String awsInstanceId, String awsRegion, String awsAccount, String creationDateUtc,
            List<PackageJson> packages) {

        static FoundRecord of(InventoryEntry entry) {
            Ec2Instance instance = entry.ec2Instance();
            return new FoundRecord(instance.awsInstanceId(), instance.awsRegion(), instance.awsAccount(),
                    CREATION_DATE.format(entry.creationDateUtc()), PackageJson.of(instance));
        }
    }

    /** {@code GET} and {@code PUT}: the record, or {@code {"record": {}, "record_found": false}}. */
    record Found(Object record, boolean recordFound) {

        static Found of(InventoryEntry entry) {
            return new Found(FoundRecord.of(entry), true);
        }

        static Found nothing() {
            return new Found(Map.of(), false);
        }
    }

    /** {@code GET /ec2}: a page of records, and the token of the next page, or {@code null} on the last. */
    record Listed(List<FoundRecord> records, String nextToken) {

        static Listed of(FleetPage page) {
            return new Listed(page.records().stream().map(FoundRecord::of).toList(), page.nextToken().orElse(null));
        }
    }

    /** Each version's link is relative ({@code ../ec2?...}) so that it resolves under a stage's path too. */
    record PackageVersions(String packageName, List<Version> versions, boolean truncated) {

        record Version(String packageVersion, long instanceCount, String instancesLink) {
        }

        static PackageVersions of(PackageUsage usage) {
            return new PackageVersions(usage.packageName(), usage.versions().stream()
                    .map(version -> new Version(version.packageVersion(), version.instanceCount(),
                            instancesLink(usage.packageName(), version.packageVersion())))
                    .toList(), usage.truncated());
        }

        static String instancesLink(String packageName, String packageVersion) {
            return "../ec2?" + ListEc2InfoCommand.PACKAGE_NAME + "=" + queryValue(packageName) + "&"
                    + ListEc2InfoCommand.PACKAGE_VERSION + "=" + queryValue(packageVersion);
        }

        /** Form encoding writes a space as '+'; %20 means a space to every decoder, form or not. */
        private static String queryValue(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
