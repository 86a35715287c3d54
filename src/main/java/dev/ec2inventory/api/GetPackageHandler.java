package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.Inventory;

/**
 * {@code GET /packages/{package_name}}: the versions of a package, each with its number of instances and the link to
 * them.
 */
public final class GetPackageHandler extends InventoryRoute {

    static final String ROUTE = "GET /packages/{package_name}";

    /** Lambda's entry point: the execution environment's one wiring, built on first use. */
    public GetPackageHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    /** For tests and {@link Functions}: a wiring built elsewhere. */
    GetPackageHandler(FunctionWiring wiring) {
        super(ROUTE, wiring);
    }

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        String packageName = InstalledPackage.requireValidName(PathParameters.packageName(request));
        return GetPackageResponse.of(inventory.packageUsage(packageName));
    }
}
