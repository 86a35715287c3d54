package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import java.util.List;

/**
 * {@code PUT /ec2/{aws_instance_id}/packages} with {@code {"packages": [...]}}, read and checked by POST's rules. The
 * list is required: {@code []} removes every package, while a body without it is more likely a mistake.
 */
record ReplaceEc2PackagesCommand(String awsInstanceId, List<InstalledPackage> packages) {

    record Body(List<PackageJson> packages) {
    }

    ReplaceEc2PackagesCommand {
        Ec2Instance.requireValidInstanceId(awsInstanceId);
        packages = List.copyOf(packages);
    }

    static ReplaceEc2PackagesCommand parse(APIGatewayProxyRequestEvent request) {
        String awsInstanceId = InventoryRoute.awsInstanceId(request);
        Body body = StrictJson.readBody(request, Body.class);
        if (body.packages() == null) {
            throw new BadRequestException("packages is required: send [] to remove every package");
        }
        return new ReplaceEc2PackagesCommand(awsInstanceId, PackageJson.installed(body.packages()));
    }
}
