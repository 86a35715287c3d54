package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.Inventory;

/** {@code GET /ec2/{aws_instance_id}}: an instance and its packages, or {@code "record_found": false}. */
public final class GetEc2InfoHandler extends InventoryRoute {

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        return inventory.find(Ec2Instance.requireValidInstanceId(awsInstanceId(request)))
                .map(Responses.Found::of)
                .orElseGet(Responses.Found::nothing);
    }

    public GetEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    GetEc2InfoHandler(FunctionWiring wiring) {
        super("GET /ec2/{aws_instance_id}", wiring);
    }
}
