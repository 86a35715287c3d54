package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.Inventory;

/** {@code DELETE /ec2/{aws_instance_id}}: removes an instance and its package links. */
public final class DeleteEc2InfoHandler extends InventoryRoute {

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        return new Responses.Deleted(inventory.delete(Ec2Instance.requireValidInstanceId(awsInstanceId(request))));
    }

    public DeleteEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    DeleteEc2InfoHandler(FunctionWiring wiring) {
        super("DELETE /ec2/{aws_instance_id}", wiring);
    }
}
