package dev.ec2inventory.local.lambda;

import java.util.Map;

/**
 * Builds one execution environment's handler instance for a {@link LocalFunction}: the API's functions come from
 * {@link ApiFunctions}, a test template's fixtures from a factory of the test's own.
 */
@FunctionalInterface
public interface HandlerFactory {

    /**
     * @param handlerClass the class named by the template's {@code Handler}
     * @param environment  the function's resolved environment variables
     */
    Object create(String handlerClass, Map<String, String> environment);
}
