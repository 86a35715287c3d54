package dev.ec2inventory.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ec2inventory.api.AddEc2InfoHandler;
import dev.ec2inventory.api.FunctionWiring;
import dev.ec2inventory.api.Functions;
import dev.ec2inventory.api.GetEc2InfoHandler;
import dev.ec2inventory.dataapi.DataApiClients;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.dataapi.RetryBudget;
import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryRepository;
import dev.ec2inventory.local.dataapi.LocalCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Cold start and per-request times of the two functions, against the Data API emulator on the local database.
 *
 * <p>Each cold start is a fresh JVM with Lambda's JIT setting ({@code -XX:TieredStopAtLevel=1}) that builds one
 * function's handler and sends it two requests, timing each step from its {@code main}. "primed" builds the handler
 * as Lambda does (client, statements rendered and rehearsed up to sending, one request through the whole path
 * without a database); "unprimed" builds the same objects without the priming, for comparison. JVM start itself is
 * not counted.
 * Warm times are the median and 99th percentile of many requests in one JVM. Local loopback, a shared CPU: the
 * numbers compare, they do not predict Lambda's.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.ec2inventory.benchmarks.ColdStartHarness
 * </pre>
 */
public final class ColdStartHarness {

    private static final int COLD_STARTS_PER_MODE = 5;
    private static final int WARM_REQUESTS = 300;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private ColdStartHarness() {
    }

    public static void main(String[] args) throws Exception {
        // The emulator ignores credentials, but the SDK's default chain must find some, as in Maven's test runs.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        if (args.length > 0) {
            coldStart(args[0], args[1], URI.create(args[2]), args[3]);
            return;
        }
        try (EmulatedCluster cluster = EmulatedCluster.migrated("harness")) {
            for (String route : List.of("POST", "GET")) {
                for (String mode : List.of("primed", "unprimed")) {
                    List<long[]> runs = new ArrayList<>();
                    for (int run = 0; run < COLD_STARTS_PER_MODE; run++) {
                        cluster.database.deleteInventoryRows();
                        if (route.equals("GET")) {
                            Functions.create(AddEc2InfoHandler.class.getName(),
                                            environment(cluster.emulator.endpoint(), cluster.database.name()))
                                    .handleRequest(event("post-ec2-info.json"), null);
                        }
                        runs.add(childJvm(route, mode, cluster));
                    }
                    System.out.printf("cold start, %-4s %-8s (median of %d JVMs): constructor %4d ms, first request"
                            + " %4d ms, second %3d ms%n", route, mode, runs.size(), median(runs, 0), median(runs, 1),
                            median(runs, 2));
                }
            }
            cluster.database.deleteInventoryRows();
            warmRequests(cluster);
        }
    }

    /** In the child JVM: build one function's handler, send it two requests, print the three durations in ms. */
    private static void coldStart(String route, String mode, URI endpoint, String database) throws Exception {
        Class<? extends RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> type =
                route.equals("POST") ? AddEc2InfoHandler.class : GetEc2InfoHandler.class;
        APIGatewayProxyRequestEvent first = event(route.equals("POST") ? "post-ec2-info.json" : "get-ec2-info.json");
        APIGatewayProxyRequestEvent second = event(route.equals("POST") ? "post-ec2-info.json" : "get-ec2-info.json")
                .withPathParameters(Map.of("aws_instance_id", route.equals("POST") ? "i-second" : "i-unknown"));
        long started = System.nanoTime();
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = mode.equals("primed")
                ? Functions.create(type.getName(), environment(endpoint, database))
                : unprimed(type, endpoint, database);
        long built = System.nanoTime();
        APIGatewayProxyResponseEvent firstResponse = handler.handleRequest(first, null);
        long afterFirst = System.nanoTime();
        APIGatewayProxyResponseEvent secondResponse = handler.handleRequest(second, null);
        long afterSecond = System.nanoTime();
        if (firstResponse.getStatusCode() != 200 || secondResponse.getStatusCode() != 200) {
            throw new IllegalStateException("requests failed: " + firstResponse.getBody() + " / "
                    + secondResponse.getBody());
        }
        System.out.println((built - started) / 1_000_000 + " " + (afterFirst - built) / 1_000_000 + " "
                + (afterSecond - afterFirst) / 1_000_000);
    }

    /** The same handler over the same client, without the statements rendered or the request path run at init. */
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> unprimed(
            Class<? extends RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> type,
            URI endpoint, String database) throws ReflectiveOperationException {
        Inventory inventory = new InventoryRepository(new JooqDataApi(
                DataApiClients.create("us-east-1", Optional.of(endpoint), RetryBudget.DEFAULT),
                new DataApiTarget(LocalCluster.RESOURCE_ARN, LocalCluster.SECRET_ARN, database)));
        Class<?> responderType = Class.forName("dev.ec2inventory.api.Responder");
        Class<?> logType = Class.forName("dev.ec2inventory.api.JsonLog");
        Class<?> levelType = Class.forName("dev.ec2inventory.api.LogLevel");
        Constructor<?> log = logType.getDeclaredConstructor(levelType, Consumer.class);
        log.setAccessible(true);
        Constructor<?> responder = responderType.getDeclaredConstructor(logType);
        responder.setAccessible(true);
        Object errorsOnly = responder.newInstance(log.newInstance(levelType.getEnumConstants()[3],
                (Consumer<String>) line -> { }));
        Constructor<FunctionWiring> wiring =
                FunctionWiring.class.getDeclaredConstructor(Inventory.class, responderType);
        wiring.setAccessible(true);
        Constructor<?> handler = type.getDeclaredConstructor(FunctionWiring.class);
        handler.setAccessible(true);
        @SuppressWarnings("unchecked")
        var built = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                handler.newInstance(wiring.newInstance(inventory, errorsOnly));
        return built;
    }

    private static long[] childJvm(String route, String mode, EmulatedCluster cluster) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                JAVA, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ColdStartHarness.class.getName(),
                route, mode, cluster.emulator.endpoint().toString(), cluster.database.name()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            lines = output.lines().toList();
        }
        if (child.waitFor() != 0) {
            throw new IllegalStateException("child JVM failed:\n" + String.join("\n", lines));
        }
        String last = lines.get(lines.size() - 1);
        return Arrays.stream(last.trim().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    private static void warmRequests(EmulatedCluster cluster) {
        Map<String, String> environment = environment(cluster.emulator.endpoint(), cluster.database.name());
        var add = Functions.create(AddEc2InfoHandler.class.getName(), environment);
        var get = Functions.create(GetEc2InfoHandler.class.getName(), environment);
        APIGatewayProxyRequestEvent post = event("post-ec2-info.json");
        long failures = 0;
        long[] posts = new long[WARM_REQUESTS];
        long[] gets = new long[WARM_REQUESTS];
        for (int i = 0; i < WARM_REQUESTS; i++) {
            post.setPathParameters(Map.of("aws_instance_id", "i-warm-" + i));
            long started = System.nanoTime();
            failures += add.handleRequest(post, null).getStatusCode() == 200 ? 0 : 1;
            long posted = System.nanoTime();
            failures += get.handleRequest(event("get-ec2-info.json")
                    .withPathParameters(Map.of("aws_instance_id", "i-warm-" + i)), null).getStatusCode() == 200 ? 0 : 1;
            gets[i] = System.nanoTime() - posted;
            posts[i] = posted - started;
        }
        if (failures > 0) {
            throw new IllegalStateException(failures + " warm requests failed");
        }
        System.out.printf("warm, %d requests each (in-process, loopback emulator): POST (4 packages, 5 calls) median"
                + " %.1f ms, p99 %.1f ms; GET (1 call) median %.1f ms, p99 %.1f ms%n", WARM_REQUESTS,
                percentile(posts, 50), percentile(posts, 99), percentile(gets, 50), percentile(gets, 99));
    }

    private static Map<String, String> environment(URI endpoint, String database) {
        return Map.of("DB_NAME", database, "DB_CLUSTER_ARN", LocalCluster.RESOURCE_ARN,
                "DB_CRED_SECRETS_STORE_ARN", LocalCluster.SECRET_ARN, "AWS_REGION", "us-east-1",
                "DATA_API_ENDPOINT", endpoint.toString(), "AWS_LAMBDA_LOG_LEVEL", "ERROR");
    }

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture);
    }

    private static long median(List<long[]> runs, int column) {
        long[] values = runs.stream().mapToLong(run -> run[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
