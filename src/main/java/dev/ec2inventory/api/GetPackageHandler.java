package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.Inventory;

/** {@code GET /packages/{package_name}}: the versions of a package, each with its number of instances. */
public final class GetPackageHandler extends InventoryRoute {

    @Override
    Object answer(APIGatewayProxyRequestEvent request, Inventory inventory) {
        String packageName = InstalledPackage.requireValidName(packageName(request));
        return Responses.PackageVersions.of(inventory.packageUsage(packageName));
    }

    public GetPackageHandler() {
        this(FunctionWiring.ofThisEnvironment());
    }

    GetPackageHandler(FunctionWiring wiring) {
        super("GET /packages/{package_name}", wiring);
    }
}
