package dev.ec2inventory.api;

import dev.ec2inventory.inventory.Ec2Instance;
import java.util.List;

/** {@code {"new_record": {"aws_account", "aws_region", "packages"}}}: what was stored, as the seed answers it. */
record AddEc2InfoResponse(NewRecord newRecord) {

    record NewRecord(String awsAccount, String awsRegion, List<PackageJson> packages) {
    }

    static AddEc2InfoResponse of(Ec2Instance stored) {
        return new AddEc2InfoResponse(new NewRecord(stored.awsAccount(), stored.awsRegion(),
                stored.packages().stream().map(PackageJson::of).toList()));
    }
}
