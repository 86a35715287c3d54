package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.inventory.Inventory;
import java.util.Map;

/** {@code GET /ec2/{aws_instance_id}}: an instance and its packages, or {@code "record_found": false}. */
public final class GetEc2InfoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String ROUTE = "GET /ec2/{aws_instance_id}";

    private final Inventory inventory;
    private final Responder responder;

    /** Lambda's entry point: configured from the function's environment, once per cold start. */
    public GetEc2InfoHandler() {
        this(System.getenv());
    }

    /** For hosts that run the function in-process with the environment from template.yaml. */
    public GetEc2InfoHandler(Map<String, String> environment) {
        this(FunctionEnvironment.from(environment));
    }

    private GetEc2InfoHandler(FunctionEnvironment environment) {
        this(environment.connectInventory(), environment.responder());
        Priming.run(new GetEc2InfoHandler(Priming.INVENTORY, Priming.RESPONDER), Priming.getRequest());
    }

    GetEc2InfoHandler(Inventory inventory, Responder responder) {
        this.inventory = inventory;
        this.responder = responder;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        return responder.respond(ROUTE, request, context, () -> inventory
                .find(GetEc2InfoCommand.parse(request).awsInstanceId())
                .map(GetEc2InfoResponse::found)
                .orElseGet(GetEc2InfoResponse::notFound));
    }
}
