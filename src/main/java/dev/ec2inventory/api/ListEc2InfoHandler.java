package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Inventory;

/** {@code GET /ec2}: a page of the fleet, filtered by account, region, package and version. */
public final class ListEc2InfoHandler extends InventoryRoute {

    static final String ROUTE = "GET /ec2";

    /** Lambda's entry point: the execution environment's one wiring, built on first use. */
    public ListEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    /** For tests and {@link Functions}: a wiring built elsewhere. */
    ListEc2InfoHandler(FunctionWiring wiring) {
        super(ROUTE, wiring);
    }

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        return ListEc2InfoResponse.of(inventory.list(ListEc2InfoCommand.parse(request).query()));
    }
}
