package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.Inventory;

/**
 * {@code DELETE /ec2/{aws_instance_id}}: removes an instance and its package links, in one Data API call;
 * {@code {"deleted": false}} when it was not there.
 */
public final class DeleteEc2InfoHandler extends InventoryRoute {

    static final String ROUTE = "DELETE /ec2/{aws_instance_id}";

    /** Lambda's entry point: the execution environment's one wiring, built on first use. */
    public DeleteEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    /** For tests and {@link Functions}: a wiring built elsewhere. */
    DeleteEc2InfoHandler(FunctionWiring wiring) {
        super(ROUTE, wiring);
    }

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        String awsInstanceId = Ec2Instance.requireValidInstanceId(PathParameters.awsInstanceId(request));
        return new DeleteEc2InfoResponse(inventory.delete(awsInstanceId));
    }
}
