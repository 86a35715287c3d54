package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryEntry;
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

    /** Accepts every instance and finds the sample, without a database. */
    private static final class SampleInventory implements Inventory {

        @Override
        public void add(Ec2Instance instance) {
            // Accepted, and forgotten.
        }

        @Override
        public Optional<InventoryEntry> find(String awsInstanceId) {
            return Optional.of(new InventoryEntry(SAMPLE, LocalDateTime.of(2019, 3, 6, 2, 45, 32)));
        }
    }
}
