package dev.ec2inventory.api;

import static java.time.temporal.ChronoField.NANO_OF_SECOND;

import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InventoryEntry;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Map;

/**
 * {@code {"record": {...}, "record_found": true}}, or {@code {"record": {}, "record_found": false}}.
 *
 * @param record a {@link FoundRecord}, or an empty object when nothing was found
 */
record GetEc2InfoResponse(Object record, boolean recordFound) {

    /** {@code 2019-03-06 02:45:32.0}: the seed README's format (java.sql.Timestamp's), always in UTC. */
    static final DateTimeFormatter CREATION_DATE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(NANO_OF_SECOND, 1, 9, true)
            .toFormatter();

    /** The record's shape, shared by every route that answers records. */
    record FoundRecord(String awsInstanceId, String awsRegion, String awsAccount, String creationDateUtc,
            List<PackageJson> packages) {

        static FoundRecord of(InventoryEntry entry) {
            Ec2Instance instance = entry.ec2Instance();
            return new FoundRecord(instance.awsInstanceId(), instance.awsRegion(), instance.awsAccount(),
                    CREATION_DATE.format(entry.creationDateUtc()),
                    instance.packages().stream().map(PackageJson::of).toList());
        }
    }

    static GetEc2InfoResponse found(InventoryEntry entry) {
        return new GetEc2InfoResponse(FoundRecord.of(entry), true);
    }

    static GetEc2InfoResponse notFound() {
        return new GetEc2InfoResponse(Map.of(), false);
    }
}
