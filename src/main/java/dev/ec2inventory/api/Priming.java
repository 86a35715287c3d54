package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.inventory.AddOutcome;
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
 * A handler's whole request path, run once in its constructor against an inventory that touches no database: Jackson
 * learns the records, the validation and response classes load. Lambda runs constructors in the init phase, on a
 * full CPU, and SnapStart snapshots after it; either way the first real request does not pay for it.
 */
final class Priming {

    private static final Ec2Instance SAMPLE = new Ec2Instance("i-0123456789abcdef0", "us-east-1", "123456789012",
            List.of(new InstalledPackage("package-1", "v1")));

    /** Answers without a database. */
    static final Inventory INVENTORY = new Inventory() {
        @Override
        public AddOutcome add(Ec2Instance instance) {
            return AddOutcome.ADDED;
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
            return new FleetPage(List.of(find(SAMPLE.awsInstanceId()).orElseThrow()), Optional.empty());
        }

        @Override
        public PackageUsage packageUsage(String packageName) {
            return new PackageUsage(packageName, List.of(new PackageUsage.VersionUsage("v1", 1)), false);
        }
    };

    /** Logs nothing: priming is not traffic. */
    static final Responder RESPONDER = new Responder(new JsonLog(LogLevel.ERROR, line -> { }));

    private Priming() {
    }

    static APIGatewayProxyRequestEvent addRequest() {
        return new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of(PathParameters.AWS_INSTANCE_ID, SAMPLE.awsInstanceId()))
                .withBody("{\"aws_region\": \"us-east-1\", \"aws_account\": \"123456789012\", \"packages\": "
                        + "[{\"package_name\": \"package-1\", \"package_version\": \"v1\"}]}");
    }

    static APIGatewayProxyRequestEvent getRequest() {
        return new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of(PathParameters.AWS_INSTANCE_ID, SAMPLE.awsInstanceId()));
    }

    static void run(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            APIGatewayProxyRequestEvent sample) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(sample, null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("priming request failed: " + response.getBody());
        }
    }
}
