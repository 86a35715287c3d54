package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the API's functions for hosts other than Lambda (the local runner, benchmarks): the handler a template's
 * {@code Handler} names, wired from the given environment instead of the process's.
 */
public final class Functions {

    private static final Map<String,
            Function<FunctionWiring, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>>
            HANDLERS = new TreeMap<>(Map.of(
            AddEc2InfoHandler.class.getName(), AddEc2InfoHandler::new,
            GetEc2InfoHandler.class.getName(), GetEc2InfoHandler::new,
            DeleteEc2InfoHandler.class.getName(), DeleteEc2InfoHandler::new,
            ReplaceEc2PackagesHandler.class.getName(), ReplaceEc2PackagesHandler::new,
            ListEc2InfoHandler.class.getName(), ListEc2InfoHandler::new,
            GetPackageHandler.class.getName(), GetPackageHandler::new));

    private Functions() {
    }

    /**
     * A new execution environment of the function whose handler class is {@code handlerClass}.
     *
     * @param environment the function's environment variables, as template.yaml resolves them
     * @throws IllegalArgumentException when the class is not one of this module's handlers
     */
    public static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> create(
            String handlerClass, Map<String, String> environment) {
        Function<FunctionWiring, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> constructor = HANDLERS.get(handlerClass);
        if (constructor == null) {
            throw new IllegalArgumentException(
                    handlerClass + " is not a handler of this API; the handlers are " + HANDLERS.keySet());
        }
        return constructor.apply(FunctionWiring.from(environment));
    }
}
