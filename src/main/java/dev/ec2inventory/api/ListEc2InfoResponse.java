package dev.ec2inventory.api;

import dev.ec2inventory.inventory.FleetPage;
import java.util.List;

/**
 * {@code {"records": [...], "next_token": "..."}}: each record in the shape {@code GET /ec2/{aws_instance_id}} gives
 * it, and the token of the next page, or {@code null} on the last.
 */
record ListEc2InfoResponse(List<GetEc2InfoResponse.FoundRecord> records, String nextToken) {

    static ListEc2InfoResponse of(FleetPage page) {
        return new ListEc2InfoResponse(page.records().stream().map(GetEc2InfoResponse.FoundRecord::of).toList(),
                page.nextToken().orElse(null));
    }
}
