package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;

/** The {@code {aws_instance_id}} of both routes. */
final class PathParameters {

    static final String AWS_INSTANCE_ID = "aws_instance_id";

    private PathParameters() {
    }

    /** API Gateway always fills it in; a direct invoke or a misrouted event may not. */
    static String awsInstanceId(APIGatewayProxyRequestEvent request) {
        Map<String, String> parameters = request.getPathParameters();
        String value = parameters == null ? null : parameters.get(AWS_INSTANCE_ID);
        if (value == null) {
            throw new BadRequestException("aws_instance_id is required in the path: /ec2/{aws_instance_id}");
        }
        return value;
    }
}
