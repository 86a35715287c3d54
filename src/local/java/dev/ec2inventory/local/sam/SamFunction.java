package dev.ec2inventory.local.sam;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} of the template, with Globals already merged in.
 *
 * @param environment the environment variables as written: strings, or {@link Intrinsic}s the template resolves on deploy
 * @param timeoutSeconds {@code Timeout}, or SAM's default of 3
 * @param memoryMegabytes {@code MemorySize}, or SAM's default of 128
 */
public record SamFunction(String logicalId, HandlerReference handler, Map<String, Object> environment,
                          List<ApiRoute> routes, int timeoutSeconds, int memoryMegabytes) {

    public SamFunction {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
    }
}
