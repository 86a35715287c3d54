package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.FleetPage;
import dev.ec2inventory.inventory.FleetQuery;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryEntry;
import dev.ec2inventory.inventory.PackageUsage;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sample request of every route, run through its handler against an inventory that touches no database, with a
 * responder that logs nothing: Jackson learns the records, the validation and response classes load. Lambda runs it
 * in the init phase, on a full CPU, and SnapStart snapshots after it; either way the first real request does not pay
 * for it. Everything here is built anew on each run: nothing is kept between runs.
 */
final class Preparation {

    private static final Ec2Instance SAMPLE = new Ec2Instance("i-0123456789abcdef0", "us-east-1", "123456789012",
            List.of(new InstalledPackage("package-1", "v1")));

    private Preparation() {
    }

    static void runSampleRequests() {
        FunctionWiring offline = new FunctionWiring(new SampleInventory(),
                new Responder(new JsonLog(LogLevel.ERROR, line -> { })));
        run(new AddEc2InfoHandler(offline), request().withBody("{\"aws_region\": \"us-east-1\", \"aws_account\": "
                + "\"123456789012\", \"packages\": [{\"package_name\": \"package-1\", \"package_version\": \"v1\"}]}"));
        run(new GetEc2InfoHandler(offline), request());
        run(new DeleteEc2InfoHandler(offline), request());
        run(new ReplaceEc2PackagesHandler(offline), request().withBody("{\"packages\": [{\"package_name\": "
                + "\"package-1\", \"package_version\": \"v1\"}]}"));
        run(new ListEc2InfoHandler(offline), new APIGatewayProxyRequestEvent().withQueryStringParameters(
                Map.of("package_name", "package-1", "limit", "10")));
        run(new GetPackageHandler(offline), new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of(PathParameters.PACKAGE_NAME, "package-1")));
        new Ec2StateChangeLambda(offline).handleRequest(Map.of("source", "aws.ec2"), null);
    }

    private static APIGatewayProxyRequestEvent request() {
        return new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of(PathParameters.AWS_INSTANCE_ID, SAMPLE.awsInstanceId()));
    }

    private static void run(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            APIGatewayProxyRequestEvent sample) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(sample, null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("preparation request failed: " + response.getBody());
        }
    }

    /** Accepts every instance and every change, and finds the sample, without a database. */
    private static final class SampleInventory implements Inventory {

        @Override
        public void add(Ec2Instance instance) {
            // Accepted, and forgotten.
        }

        @Override
        public Optional<InventoryEntry> find(String awsInstanceId) {
            return Optional.of(new InventoryEntry(SAMPLE, LocalDateTime.of(2019, 3, 6, 2, 45, 32)));
        }

        @Override
        public boolean delete(String awsInstanceId) {
            return true;
        }

        @Override
        public InventoryEntry replacePackages(String awsInstanceId, List<InstalledPackage> packages) {
            return find(awsInstanceId).orElseThrow();
        }

        @Override
        public FleetPage list(FleetQuery query) {
            return new FleetPage(List.of(find(SAMPLE.awsInstanceId()).orElseThrow()),
                    Optional.of(query.tokenAfter(SAMPLE.awsInstanceId())));
        }

        @Override
        public PackageUsage packageUsage(String packageName) {
            return new PackageUsage(packageName, List.of(new PackageUsage.VersionUsage("v1", 1)), false);
        }
    }
}
