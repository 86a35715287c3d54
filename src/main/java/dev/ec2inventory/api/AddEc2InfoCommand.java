package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import java.util.List;
import java.util.Objects;

/** {@code POST /ec2/{aws_instance_id}}, read and checked; a refusal names the field by its JSON path. */
record AddEc2InfoCommand(Ec2Instance ec2Instance) {

    /** The body's shape; the instance id comes from the path. A missing {@code packages} means none. */
    record Body(String awsRegion, String awsAccount, List<PackageJson> packages) {
    }

    AddEc2InfoCommand {
        Objects.requireNonNull(ec2Instance, "ec2Instance");
    }

    static AddEc2InfoCommand parse(APIGatewayProxyRequestEvent request) {
        String awsInstanceId = InventoryRoute.awsInstanceId(request);
        Body body = StrictJson.readBody(request, Body.class);
        List<PackageJson> listed = body.packages() == null ? List.of() : body.packages();
        List<InstalledPackage> packages = PackageJson.installed(listed);
        return new AddEc2InfoCommand(new Ec2Instance(awsInstanceId, body.awsRegion(), body.awsAccount(), packages));
    }
}
