package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.inventory.Inventory;

/**
 * What every route's handler does the same way: take the inventory and responder from its wiring, and answer each
 * request through the responder, so that every failure goes through the one failure table. A route says only how it
 * answers. Public, so that the handlers' inherited {@code handleRequest} is callable as Lambda calls it.
 */
public abstract class InventoryRoute
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final String route;
    private final Inventory inventory;
    private final Responder responder;

    /** @param route the method and resource path, as log lines name the route */
    InventoryRoute(String route, FunctionWiring wiring) {
        this.route = route;
        this.inventory = wiring.inventory();
        this.responder = wiring.responder();
    }

    @Override
    public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        return responder.respond(route, request, context, () -> answer(request, inventory));
    }

    /** The 200 answer's body; a failure is thrown, for the failure table. */
    abstract Object answer(APIGatewayProxyRequestEvent request, Inventory inventory);
}
