package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Inventory;

/** {@code PUT /ec2/{aws_instance_id}/packages}: replaces an instance's packages, all or nothing. */
public final class ReplaceEc2PackagesHandler extends InventoryRoute {

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        ReplaceEc2PackagesCommand command = ReplaceEc2PackagesCommand.parse(request);
        return Responses.Found.of(inventory.replacePackages(command.awsInstanceId(), command.packages()));
    }

    public ReplaceEc2PackagesHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    ReplaceEc2PackagesHandler(FunctionWiring wiring) {
        super("PUT /ec2/{aws_instance_id}/packages", wiring);
    }
}
