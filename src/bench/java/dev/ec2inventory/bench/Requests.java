package dev.ec2inventory.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The requests the benchmarks send, one per route: POSTs and PUTs with as many distinct packages as asked, GETs of an
 * instance, of a fleet page and of a package, and DELETEs.
 */
public final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    public static APIGatewayProxyRequestEvent get(String awsInstanceId) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource("/ec2/{aws_instance_id}")
                .withPath("/ec2/" + awsInstanceId).withPathParameters(Map.of("aws_instance_id", awsInstanceId));
    }

    public static APIGatewayProxyRequestEvent post(String awsInstanceId, int packages) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource("/ec2/{aws_instance_id}")
                .withPath("/ec2/" + awsInstanceId).withPathParameters(Map.of("aws_instance_id", awsInstanceId))
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(postBody(packages));
    }

    public static APIGatewayProxyRequestEvent delete(String awsInstanceId) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("DELETE").withResource("/ec2/{aws_instance_id}")
                .withPath("/ec2/" + awsInstanceId).withPathParameters(Map.of("aws_instance_id", awsInstanceId));
    }

    public static APIGatewayProxyRequestEvent put(String awsInstanceId, int packages) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("PUT")
                .withResource("/ec2/{aws_instance_id}/packages").withPath("/ec2/" + awsInstanceId + "/packages")
                .withPathParameters(Map.of("aws_instance_id", awsInstanceId))
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(putBody(packages));
    }

    /** {@code GET /ec2} with the given query string parameters (none: the first page of the whole fleet). */
    public static APIGatewayProxyRequestEvent list(Map<String, String> query) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource("/ec2").withPath("/ec2")
                .withQueryStringParameters(query.isEmpty() ? null : query);
    }

    public static APIGatewayProxyRequestEvent getPackage(String packageName) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource("/packages/{package_name}")
                .withPath("/packages/" + packageName).withPathParameters(Map.of("package_name", packageName));
    }

    /** The seed's body shape: region, account, and packages named package-0000, package-0001... at version 1.N. */
    public static String postBody(int packages) {
        ObjectNode body = JSON.createObjectNode().put("aws_region", "us-east-1").put("aws_account", "123456789012");
        return withPackages(body, packages);
    }

    /** PUT's body: the packages alone, named as {@link #postBody} names them. */
    public static String putBody(int packages) {
        return withPackages(JSON.createObjectNode(), packages);
    }

    private static String withPackages(ObjectNode body, int packages) {
        ArrayNode list = body.putArray("packages");
        for (int i = 0; i < packages; i++) {
            list.addObject().put("package_name", String.format("package-%04d", i)).put("package_version", "1." + i);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
