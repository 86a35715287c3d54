package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Ec2Instance;

/** {@code GET /ec2/{aws_instance_id}}: an id that could name a stored instance. */
record GetEc2InfoCommand(String awsInstanceId) {

    GetEc2InfoCommand {
        Ec2Instance.requireValidInstanceId(awsInstanceId);
    }

    static GetEc2InfoCommand parse(APIGatewayProxyRequestEvent request) {
        return new GetEc2InfoCommand(PathParameters.awsInstanceId(request));
    }
}
