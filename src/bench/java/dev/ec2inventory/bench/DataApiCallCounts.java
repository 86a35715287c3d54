package dev.ec2inventory.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.api.AddEc2InfoHandler;
import dev.ec2inventory.api.DeleteEc2InfoHandler;
import dev.ec2inventory.api.Ec2StateChangeLambda;
import dev.ec2inventory.api.GetEc2InfoHandler;
import dev.ec2inventory.api.GetPackageHandler;
import dev.ec2inventory.api.ListEc2InfoHandler;
import dev.ec2inventory.api.ReplaceEc2PackagesHandler;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.InventoryRepository;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.local.lambda.ApiFunctions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Figure 4: Data API calls per request, counted by the emulator in front of the real database, for every route and
 * for the EventBridge state-change function (its handler built as the local stack builds it, invoked directly with
 * the event EventBridge sends). A POST of 5,000 packages is over the API's limit of 1,000, so that one goes to the
 * repository directly.
 */
final class DataApiCallCounts {

    private DataApiCallCounts() {
    }

    static void measure(Report report) {
        try (EmulatedCluster cluster = EmulatedCluster.migrated("bench_calls")) {
            var add = ApiFunctions.create(AddEc2InfoHandler.class, cluster.functionEnvironment());
            var get = ApiFunctions.create(GetEc2InfoHandler.class, cluster.functionEnvironment());
            count(report, cluster, "POST, no packages", 200,
                    () -> add.handleRequest(Requests.post("i-bench-0", 0), null));
            count(report, cluster, "POST, 3 packages", 200,
                    () -> add.handleRequest(Requests.post("i-bench-3", 3), null));
            count(report, cluster, "POST, 1,000 packages", 200,
                    () -> add.handleRequest(Requests.post("i-bench-1000", 1_000), null));
            count(report, cluster, "POST, instance already stored (3 packages)", 400,
                    () -> add.handleRequest(Requests.post("i-bench-3", 3), null));
            count(report, cluster, "GET, stored instance with 1,000 packages", 200,
                    () -> get.handleRequest(Requests.get("i-bench-1000"), null));
            count(report, cluster, "GET, unknown instance", 200,
                    () -> get.handleRequest(Requests.get("i-bench-unknown"), null));
            measureLifecycleRoutes(report, cluster);
            InventoryRepository repository = new InventoryRepository(cluster.dataApi());
            List<InstalledPackage> packages = IntStream.range(0, 5_000)
                    .mapToObj(i -> new InstalledPackage(String.format("package-%04d", i), "1." + i)).toList();
            cluster.reset();
            repository.add(new Ec2Instance("i-bench-5000", "us-east-1", "123456789012", packages));
            report.row("4 Data API calls", "repository add, 5,000 packages (over the API's 1,000 limit: no route"
                    + " takes it)", calls(cluster));
        }
    }

    /** The routes issue 11 added, on the instances the POSTs above stored; the DELETEs last. */
    private static void measureLifecycleRoutes(Report report, EmulatedCluster cluster) {
        Map<String, String> environment = cluster.functionEnvironment();
        var replace = ApiFunctions.create(ReplaceEc2PackagesHandler.class, environment);
        var list = ApiFunctions.create(ListEc2InfoHandler.class, environment);
        var getPackage = ApiFunctions.create(GetPackageHandler.class, environment);
        var delete = ApiFunctions.create(DeleteEc2InfoHandler.class, environment);
        count(report, cluster, "PUT packages, 3 packages (instance had 3)", 200,
                () -> replace.handleRequest(Requests.put("i-bench-3", 3), null));
        count(report, cluster, "PUT packages, 1,000 packages (instance had 1,000)", 200,
                () -> replace.handleRequest(Requests.put("i-bench-1000", 1_000), null));
        count(report, cluster, "PUT packages, unknown instance (3 packages)", 404,
                () -> replace.handleRequest(Requests.put("i-bench-unknown", 3), null));
        count(report, cluster, "GET /ec2, first page, no filter", 200,
                () -> list.handleRequest(Requests.list(Map.of()), null));
        count(report, cluster, "GET /ec2, first page, package_name filter", 200,
                () -> list.handleRequest(Requests.list(Map.of("package_name", "package-0001")), null));
        count(report, cluster, "GET /packages/{name}, package on 2 instances", 200,
                () -> getPackage.handleRequest(Requests.getPackage("package-0001"), null));
        count(report, cluster, "DELETE, stored instance with 1,000 packages", 200,
                () -> delete.handleRequest(Requests.delete("i-bench-1000"), null));
        count(report, cluster, "DELETE, unknown instance", 200,
                () -> delete.handleRequest(Requests.delete("i-bench-unknown"), null));
        var stateChange = ApiFunctions.create(Ec2StateChangeLambda.class, environment);
        countStateChange(report, cluster, stateChange, "terminated, stored instance with 3 packages", "i-bench-3",
                "terminated", "deleted");
        countStateChange(report, cluster, stateChange, "stopped (ignored)", "i-bench-0", "stopped", "ignored");
    }

    private static void countStateChange(Report report, EmulatedCluster cluster, Ec2StateChangeLambda function,
            String description, String awsInstanceId, String state, String expectedOutcome) {
        Map<String, Object> event = Map.of("source", "aws.ec2",
                "detail-type", "EC2 Instance State-change Notification", "id", "bench-" + state,
                "detail", Map.of("instance-id", awsInstanceId, "state", state));
        cluster.reset();
        Object outcome = function.handleRequest(event, null).get("outcome");
        if (!expectedOutcome.equals(outcome)) {
            throw new IllegalStateException("state change to " + state + " gave " + outcome + ", not "
                    + expectedOutcome);
        }
        report.row("4 Data API calls", "EventBridge state change (Ec2StateChangeLambda), " + description,
                calls(cluster));
    }

    private static void count(Report report, EmulatedCluster cluster, String route, int expectedStatus,
            Supplier<APIGatewayProxyResponseEvent> request) {
        cluster.reset();
        APIGatewayProxyResponseEvent response = request.get();
        if (response.getStatusCode() != expectedStatus) {
            throw new IllegalStateException(route + " answered " + response.getStatusCode() + ", not "
                    + expectedStatus + ": " + response.getBody());
        }
        report.row("4 Data API calls", route, calls(cluster));
    }

    /** "5 (EXECUTE_STATEMENT 3, BEGIN_TRANSACTION 1, COMMIT_TRANSACTION 1)", or "0". */
    private static String calls(EmulatedCluster cluster) {
        String byOperation = Arrays.stream(DataApiOperation.values())
                .filter(operation -> cluster.calls(operation) > 0)
                .map(operation -> operation.name() + " " + cluster.calls(operation))
                .collect(Collectors.joining(", "));
        return byOperation.isEmpty() ? "0" : cluster.calls() + " (" + byOperation + ")";
    }
}
