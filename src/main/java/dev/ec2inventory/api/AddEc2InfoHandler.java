package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.Inventory;

/** {@code POST /ec2/{aws_instance_id}}: adds an instance and its packages to the inventory. */
public final class AddEc2InfoHandler extends InventoryRoute {

    static final String ROUTE = "POST /ec2/{aws_instance_id}";

    /** Lambda's entry point: the execution environment's one wiring, built on first use. */
    public AddEc2InfoHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    /** For tests and {@link Functions}: a wiring built elsewhere. */
    AddEc2InfoHandler(FunctionWiring wiring) {
        super(ROUTE, wiring);
    }

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        Ec2Instance instance = AddEc2InfoCommand.parse(request).ec2Instance();
        inventory.add(instance);
        return AddEc2InfoResponse.of(instance);
    }
}
