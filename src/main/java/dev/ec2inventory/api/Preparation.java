package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.FleetPage;
import dev.ec2inventory.inventory.FleetQuery;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.Inventory.Operation;
import dev.ec2inventory.inventory.InventoryEntry;
import dev.ec2inventory.inventory.PackageUsage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A sample request of a function's route (or of every route), run through its handler against an inventory that touches
 * no database, with a responder whose lines go nowhere: Jackson learns the records, the validation and response classes
 * load, the log lines are written (and dropped). Lambda runs it in the init phase, on a full CPU, and SnapStart
 * snapshots after it; either way the first real request does not pay for it. Everything here is built anew on each run:
 * nothing is kept between runs.
 */
final class Preparation {

    private static final Ec2Instance SAMPLE = new Ec2Instance("i-0123456789abcdef0", "us-east-1", "123456789012",
            List.of(new InstalledPackage("package-1", "v1")));

    private Preparation() {
    }

    /**
     * A function's route: the inventory operations it uses and its sample request. Keyed by handler class, as
     * Lambda's {@code _HANDLER} names it.
     */
    private record Route(Set<Operation> operations, Consumer<FunctionWiring> sample) {
    }

    private static final Map<String, Route> ROUTES = Map.of(
            AddEc2InfoHandler.class.getName(), new Route(EnumSet.of(Operation.ADD), offline ->
                    run(new AddEc2InfoHandler(offline), request().withBody("{\"aws_region\": \"us-east-1\", "
                            + "\"aws_account\": \"123456789012\", \"packages\": [{\"package_name\": \"package-1\", "
                            + "\"package_version\": \"v1\"}]}"))),
            GetEc2InfoHandler.class.getName(), new Route(EnumSet.of(Operation.FIND), offline ->
                    run(new GetEc2InfoHandler(offline), request())),
            DeleteEc2InfoHandler.class.getName(), new Route(EnumSet.of(Operation.DELETE), offline ->
                    run(new DeleteEc2InfoHandler(offline), request())),
            ReplaceEc2PackagesHandler.class.getName(), new Route(EnumSet.of(Operation.REPLACE_PACKAGES), offline ->
                    run(new ReplaceEc2PackagesHandler(offline), request().withBody("{\"packages\": [{\"package_name\": "
                            + "\"package-1\", \"package_version\": \"v1\"}]}"))),
            ListEc2InfoHandler.class.getName(), new Route(EnumSet.of(Operation.LIST), offline ->
                    run(new ListEc2InfoHandler(offline), new APIGatewayProxyRequestEvent().withQueryStringParameters(
                            Map.of("package_name", "package-1", "limit", "10")))),
            GetPackageHandler.class.getName(), new Route(EnumSet.of(Operation.PACKAGE_USAGE), offline ->
                    run(new GetPackageHandler(offline), new APIGatewayProxyRequestEvent()
                            .withPathParameters(Map.of(PathParameters.PACKAGE_NAME, "package-1")))),
            Ec2StateChangeLambda.class.getName(), new Route(EnumSet.of(Operation.DELETE), offline ->
                    run(new Ec2StateChangeLambda(offline), Map.of("id", "sample", "source", "aws.ec2",
                            "detail-type", "EC2 Instance State-change Notification",
                            "detail", Map.of("instance-id", SAMPLE.awsInstanceId(), "state", "terminated")))));

    /** The operations {@code handler}'s function uses; every operation when it is not known (a host of all). */
    static Set<Operation> operationsOf(Optional<String> handler) {
        return handler.map(ROUTES::get).map(Route::operations).orElse(EnumSet.allOf(Operation.class));
    }

    /** {@code handler}'s sample request; every route's when it is not known (a host of all). */
    static void runSampleRequests(Optional<String> handler) {
        // Every line is written, and dropped: the first request finds the log's JSON path loaded too.
        FunctionWiring offline = new FunctionWiring(new SampleInventory(),
                new Responder(new JsonLog(LogLevel.TRACE, line -> { })));
        Optional<Route> route = handler.map(ROUTES::get);
        if (route.isPresent()) {
            route.get().sample().accept(offline);
        } else {
            ROUTES.values().forEach(each -> each.sample().accept(offline));
        }
    }

    private static APIGatewayProxyRequestEvent request() {
        return new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of(PathParameters.AWS_INSTANCE_ID, SAMPLE.awsInstanceId()));
    }

    /** An API route's sample, through the entry point Lambda's runtime calls; it must answer 200. */
    private static void run(RequestStreamHandler handler, APIGatewayProxyRequestEvent sample) {
        try {
            byte[] answer = answer(handler, ProxyEventJson.bytes(sample));
            APIGatewayProxyResponseEvent response = ProxyEventJson.response(answer);
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("preparation request failed: " + response.getBody());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state-change function's sample, through the same entry point; it must delete the instance. */
    private static void run(Ec2StateChangeLambda handler, Map<String, Object> sample) {
        try {
            Object outcome = ProxyEventJson.map(answer(handler, ProxyEventJson.bytes(sample))).get("outcome");
            if (!"deleted".equals(outcome)) {
                throw new IllegalStateException("preparation event not handled: " + outcome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event as JSON in, the answer as JSON out, as Lambda's runtime hands them over. */
    private static byte[] answer(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), written, null);
        return written.toByteArray();
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
