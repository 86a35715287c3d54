package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.Inventory;
import java.util.Map;

/** {@code POST /ec2/{aws_instance_id}}: adds an instance and its packages to the inventory. */
public final class AddEc2InfoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String ROUTE = "POST /ec2/{aws_instance_id}";

    private final Inventory inventory;
    private final Responder responder;

    /** Lambda's entry point: configured from the function's environment, once per cold start. */
    public AddEc2InfoHandler() {
        this(System.getenv());
    }

    /** For hosts that run the function in-process with the environment from template.yaml. */
    public AddEc2InfoHandler(Map<String, String> environment) {
        this(FunctionEnvironment.from(environment));
    }

    private AddEc2InfoHandler(FunctionEnvironment environment) {
        this(environment.connectInventory(), environment.responder());
        Priming.run(new AddEc2InfoHandler(Priming.INVENTORY, Priming.RESPONDER), Priming.addRequest());
    }

    AddEc2InfoHandler(Inventory inventory, Responder responder) {
        this.inventory = inventory;
        this.responder = responder;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        return responder.respond(ROUTE, request, context, () -> {
            Ec2Instance instance = AddEc2InfoCommand.parse(request).ec2Instance();
            return switch (inventory.add(instance)) {
                case ADDED -> AddEc2InfoResponse.of(instance);
                case DUPLICATE_INSTANCE -> throw new BadRequestException(
                        "Instance " + instance.awsInstanceId() + " is already in the inventory",
                        "duplicate primary key on ec2");
            };
        });
    }
}
