package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.inventory.Inventory;

/** {@code GET /ec2/{aws_instance_id}}: an instance and its packages, or {@code "record_found": false}. */
public final class GetEc2InfoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String ROUTE = "GET /ec2/{aws_instance_id}";

    private final Inventory inventory;
    private final Responder responder;

    /** Lambda's entry point: the execution environment's one wiring, built and prepared on first use. */
    public GetEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    /** For tests and {@link Functions}: a wiring built elsewhere. */
    GetEc2InfoHandler(FunctionWiring wiring) {
        this.inventory = wiring.inventory();
        this.responder = wiring.responder();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        return responder.respond(ROUTE, request, context, () -> inventory
                .find(GetEc2InfoCommand.parse(request).awsInstanceId())
                .map(GetEc2InfoResponse::found)
                .orElseGet(GetEc2InfoResponse::notFound));
    }
}
