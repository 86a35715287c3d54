package dev.ec2inventory.bench;

import dev.ec2inventory.local.db.JdbcLocation;
import dev.ec2inventory.local.stack.DatabaseSource;
import dev.ec2inventory.local.stack.LocalStack;
import dev.ec2inventory.local.stack.LocalStackOptions;
import dev.ec2inventory.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Figure 5: end-to-end latency over HTTP through the local stack (API Gateway, the functions, the Data API emulator,
 * the real database) for every route of the API, at concurrency 1 and 8. Every cell is bounded by a request count and
 * by a time limit; POSTs each add a new instance, DELETEs each remove one of them.
 */
final class LocalStackLatency {

    private static final Duration CELL_TIME_LIMIT = Duration.ofSeconds(20);
    private static final int WARM_UP_REQUESTS = 10;

    private LocalStackLatency() {
    }

    private record Route(String name, int requests, IntFunction<HttpRequest.Builder> request) {
    }

    static void measure(Path basedir, Report report) throws Exception {
        try (TestDatabase database = TestDatabase.empty("bench_stack");
             LocalStack stack = startOn(basedir, database)) {
            URI api = stack.apiEndpoint().orElseThrow();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            http.send(post(api, "i-bench-stored", 3).build(), BodyHandlers.discarding());
            http.send(post(api, "i-bench-stored-1000", 1_000).build(), BodyHandlers.discarding());
            List<Route> routes = routes(api);
            for (Route route : routes) {
                for (int concurrency : new int[] {1, 8}) {
                    report.row("5 local stack latency", route.name() + ", concurrency " + concurrency,
                            cell(http, route, concurrency));
                }
            }
        }
    }

    /** The API and its functions on ports of their own, over {@code database}, which it migrates; quiet. */
    static LocalStack startOn(Path basedir, TestDatabase database) {
        return LocalStack.start(new LocalStackOptions(basedir.resolve("template.yaml"),
                new DatabaseSource.External(new JdbcLocation(database.server(), database.name())), 0, 0,
                LocalStackOptions.Scope.API, line -> { }));
    }

    /**
     * Every route, in this order: the POSTs add the instances that the fleet page, the package lookup and, last, the
     * DELETEs find. The DELETEs remove the instances the POSTs of 3 packages added, oldest first: as many as those
     * add (420) unless a POST cell stops at its time limit, when the last DELETEs find nothing to remove.
     */
    private static List<Route> routes(URI api) {
        AtomicInteger added = new AtomicInteger();
        AtomicInteger deleted = new AtomicInteger();
        return List.of(
                new Route("GET (3 packages)", 400, i -> get(api, "/ec2/i-bench-stored")),
                new Route("POST, 3 packages", 200, i -> post(api, "i-bench-" + added.incrementAndGet(), 3)),
                new Route("POST, 1,000 packages", 40, i -> post(api, "i-bench-" + added.incrementAndGet(), 1_000)),
                new Route("PUT packages, 3 packages (instance had 3)", 200,
                        i -> put(api, "i-bench-stored", Requests.putBody(3))),
                new Route("PUT packages, 1,000 packages (instance had 1,000)", 40,
                        i -> put(api, "i-bench-stored-1000", Requests.putBody(1_000))),
                new Route("GET /ec2, first page (100 instances)", 400, i -> get(api, "/ec2")),
                new Route("GET /ec2, first page, package_name filter (every instance has it)", 400,
                        i -> get(api, "/ec2?package_name=package-0001")),
                new Route("GET /packages/{name} (one version, on every instance)", 400,
                        i -> get(api, "/packages/package-0001")),
                new Route("DELETE, instance with 3 packages", 200,
                        i -> delete(api, "i-bench-" + deleted.incrementAndGet())));
    }

    static HttpRequest.Builder get(URI api, String pathAndQuery) {
        return HttpRequest.newBuilder(api.resolve(api.getPath() + pathAndQuery));
    }

    private static HttpRequest.Builder put(URI api, String awsInstanceId, String body) {
        return HttpRequest.newBuilder(api.resolve(api.getPath() + "/ec2/" + awsInstanceId + "/packages"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder delete(URI api, String awsInstanceId) {
        return HttpRequest.newBuilder(api.resolve(api.getPath() + "/ec2/" + awsInstanceId)).DELETE();
    }

    private static HttpRequest.Builder post(URI api, String awsInstanceId, int packages) {
        return HttpRequest.newBuilder(api.resolve(api.getPath() + "/ec2/" + awsInstanceId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.postBody(packages)));
    }

    private static String cell(HttpClient http, Route route, int concurrency) throws Exception {
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            http.send(route.request().apply(i).build(), BodyHandlers.discarding());
        }
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + CELL_TIME_LIMIT.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < concurrency; client++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < route.requests() && System.nanoTime() < deadline;
                            i = next.getAndIncrement()) {
                        long started = System.nanoTime();
                        int status = http.send(route.request().apply(i).build(), BodyHandlers.discarding())
                                .statusCode();
                        millis.add((System.nanoTime() - started) / 1e6);
                        failures.addAndGet(status == 200 ? 0 : 1);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        return String.format("p50 %.1f ms, p99 %.1f ms (n=%d%s, %d failed)", Summary.percentile(values, 50),
                Summary.percentile(values, 99), values.length,
                values.length < route.requests() ? ", stopped by the " + CELL_TIME_LIMIT.toSeconds() + " s limit" : "",
                failures.get());
    }
}
