package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Inventory;

/** {@code GET /ec2/{aws_instance_id}}: an instance and its packages, or {@code "record_found": false}. */
public final class GetEc2InfoHandler extends InventoryRoute {

    static final String ROUTE = "GET /ec2/{aws_instance_id}";

    /** Lambda's entry point: the execution environment's one wiring, built on first use. */
    public GetEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    /** For tests and {@link Functions}: a wiring built elsewhere. */
    GetEc2InfoHandler(FunctionWiring wiring) {
        super(ROUTE, wiring);
    }

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        return inventory.find(GetEc2InfoCommand.parse(request).awsInstanceId())
                .map(GetEc2InfoResponse::found)
                .orElseGet(GetEc2InfoResponse::notFound);
    }
}
