package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Inventory;

/** {@code GET /ec2}: a page of the fleet, filtered by account, region, package and version. */
public final class ListEc2InfoHandler extends InventoryRoute {

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        return Responses.Listed.of(inventory.list(ListEc2InfoCommand.parse(request).query()));
    }

    public ListEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    ListEc2InfoHandler(FunctionWiring wiring) {
        super("GET /ec2", wiring);
    }
}
