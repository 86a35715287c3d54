package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;

/** The path parameters of the routes: {@code {aws_instance_id}} and {@code {package_name}}. */
final class PathParameters {

    static final String AWS_INSTANCE_ID = "aws_instance_id";
    static final String PACKAGE_NAME = "package_name";

    private PathParameters() {
    }

    /** API Gateway always fills it in; a direct invoke or a misrouted event may not. */
    static String awsInstanceId(APIGatewayProxyRequestEvent request) {
        return required(request, AWS_INSTANCE_ID, "/ec2/{aws_instance_id}");
    }

    /** Decoded, as API Gateway hands it over: {@code %40scope%2Fname} in the path is {@code @scope/name} here. */
    static String packageName(APIGatewayProxyRequestEvent request) {
        return required(request, PACKAGE_NAME, "/packages/{package_name}");
    }

    private static String required(APIGatewayProxyRequestEvent request, String name, String pathTemplate) {
        Map<String, String> parameters = request.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null) {
            throw new BadRequestException(name + " is required in the path: " + pathTemplate);
        }
        return value;
    }
}
