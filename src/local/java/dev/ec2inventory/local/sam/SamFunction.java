package dev.ec2inventory.local.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} of the template, with Globals already merged in.
 *
 * @param environment     the environment variables as written: text, or intrinsic functions in long form that only a
 *                        deployment resolves
 * @param timeoutSeconds  {@code Timeout}, or SAM's default of 3
 * @param memoryMegabytes {@code MemorySize}, or SAM's default of 128
 */
public record SamFunction(String logicalId, HandlerReference handler, Map<String, JsonNode> environment,
                          List<ApiRoute> routes, int timeoutSeconds, int memoryMegabytes) {

    public SamFunction {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
    }
}
