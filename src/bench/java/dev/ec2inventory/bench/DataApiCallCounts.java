package dev.ec2inventory.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.api.AddEc2InfoHandler;
import dev.ec2inventory.api.Functions;
import dev.ec2inventory.api.GetEc2InfoHandler;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.InventoryRepository;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Figure 4: Data API calls per request, counted by the emulator in front of the real database, for every route. A
 * POST of 5,000 packages is over the API's limit of 1,000, so that one goes to the repository directly.
 */
final class DataApiCallCounts {

    private DataApiCallCounts() {
    }

    static void measure(Report report) {
        try (EmulatedCluster cluster = EmulatedCluster.migrated("bench_calls")) {
            var add = Functions.create(AddEc2InfoHandler.class.getName(), cluster.functionEnvironment());
            var get = Functions.create(GetEc2InfoHandler.class.getName(), cluster.functionEnvironment());
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
            InventoryRepository repository = new InventoryRepository(cluster.dataApi());
            List<InstalledPackage> packages = IntStream.range(0, 5_000)
                    .mapToObj(i -> new InstalledPackage(String.format("package-%04d", i), "1." + i)).toList();
            cluster.reset();
            repository.add(new Ec2Instance("i-bench-5000", "us-east-1", "123456789012", packages));
            report.row("4 Data API calls", "repository add, 5,000 packages (over the API's 1,000 limit: no route"
                    + " takes it)", calls(cluster));
        }
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

    /** "5 (BeginTransaction 1, ExecuteStatement 3, CommitTransaction 1)". */
    private static String calls(EmulatedCluster cluster) {
        String byOperation = Arrays.stream(DataApiOperation.values())
                .filter(operation -> cluster.calls(operation) > 0)
                .map(operation -> operation.name() + " " + cluster.calls(operation))
                .collect(Collectors.joining(", "));
        return cluster.calls() + " (" + byOperation + ")";
    }
}
