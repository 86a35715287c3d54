package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.Inventory;

/** {@code POST /ec2/{aws_instance_id}}: adds an instance and its packages to the inventory. */
public final class AddEc2InfoHandler extends InventoryRoute {

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        Ec2Instance instance = AddEc2InfoCommand.parse(request).ec2Instance();
        inventory.add(instance);
        return Responses.Added.of(instance);
    }

    public AddEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    AddEc2InfoHandler(FunctionWiring wiring) {
        super("POST /ec2/{aws_instance_id}", wiring);
    }
}
