package dev.ec2inventory.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.inventory.FleetFilter;
import dev.ec2inventory.inventory.FleetQuery;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.local.stack.LocalStack;
import dev.ec2inventory.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Figure 10: the fleet at scale. {@link ScaleFleet} loads 100,000 instances and 2,000,000 links, then each read is
 * timed through the local stack (median of 5 after a warm-up) and its statement, as the repository renders it, is
 * explained on the database with the rows it returns and reads. Needs MariaDB, for the sequence tables.
 */
final class FleetAtScale {

    private static final String FIGURE = "10 fleet at scale";
    private static final int WARM_UP_REQUESTS = 2;
    private static final int TIMED_REQUESTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FleetAtScale() {
    }

    /** One read: the request through the stack, and the same call on the repository, whose statement is explained. */
    private record Read(String name, String pathAndQuery, Consumer<Inventory> call) {

        static Read page(String name, FleetFilter filter, int limit, Optional<String> nextToken) {
            return new Read(name, pagePath(filter, limit, nextToken),
                    inventory -> inventory.list(FleetQuery.of(filter, limit, nextToken)));
        }

        static Read packageUsage(String name, String packageName) {
            return new Read(name, "/packages/" + packageName, inventory -> inventory.packageUsage(packageName));
        }
    }

    static void measure(Path basedir, Report report) throws Exception {
        try (TestDatabase database = TestDatabase.empty("fleet_scale")) {
            if (!database.server().version().contains("MariaDB")) {
                report.note("figure 10 skipped: it loads the fleet with MariaDB's sequence tables, and the test "
                        + "database is " + database.server().description());
                return;
            }
            try (LocalStack stack = LocalStackLatency.startOn(basedir, database)) {
                long loading = System.nanoTime();
                ScaleFleet.load(database);
                report.row(FIGURE, String.format("load of %,d instances and %,d links", ScaleFleet.INSTANCES,
                        ScaleFleet.INSTANCES * ScaleFleet.PACKAGES_PER_INSTANCE),
                        String.format("%.1f s", (System.nanoTime() - loading) / 1e9));
                URI api = stack.apiEndpoint().orElseThrow();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                try (Connection connection = database.connect()) {
                    for (Read read : reads(http, api)) {
                        report.row(FIGURE, read.name(), timed(http, api, read) + "; " + explained(connection, read));
                    }
                }
            }
        }
    }

    private static List<Read> reads(HttpClient http, URI api) throws Exception {
        String instanceId = ScaleFleet.instanceId(ScaleFleet.INSTANCES / 2);
        FleetFilter account = filter(Optional.of(ScaleFleet.LARGE_ACCOUNT), Optional.empty(), Optional.empty());
        int limit = FleetQuery.DEFAULT_LIMIT;
        List<Read> reads = new ArrayList<>();
        reads.add(new Read("GET /ec2/{id}", "/ec2/" + instanceId, inventory -> inventory.find(instanceId)));
        reads.add(Read.page("GET /ec2, page 1, limit 100", FleetFilter.NONE, limit, Optional.empty()));
        reads.add(Read.page("GET /ec2, page 5, limit 100", FleetFilter.NONE, limit, tokenOfPage(http, api, 5)));
        reads.add(Read.page("GET /ec2, page 1, limit 1,000", FleetFilter.NONE, FleetQuery.MAX_LIMIT,
                Optional.empty()));
        reads.add(Read.page("account (half the fleet)", account, limit, Optional.empty()));
        reads.add(Read.page("region (a fifth)", filter(Optional.empty(), Optional.of(ScaleFleet.REGION),
                Optional.empty()), limit, Optional.empty()));
        reads.add(Read.page("package on 2%", packageFilter(ScaleFleet.TWO_PERCENT_PACKAGE), limit, Optional.empty()));
        reads.add(Read.page("package on 5 instances", packageFilter(ScaleFleet.RARE_PACKAGE), limit,
                Optional.empty()));
        reads.add(Read.page("absent package", packageFilter(ScaleFleet.ABSENT_PACKAGE), limit, Optional.empty()));
        reads.add(Read.page("account + package on 5", filter(account.awsAccount(), Optional.empty(),
                Optional.of(ScaleFleet.RARE_PACKAGE)), limit, Optional.empty()));
        reads.add(Read.packageUsage("GET /packages/{name}, on every instance", ScaleFleet.COMMON_PACKAGE));
        reads.add(Read.packageUsage("GET /packages/{name}, on 5 instances", ScaleFleet.RARE_PACKAGE));
        return reads;
    }

    private static FleetFilter filter(Optional<String> account, Optional<String> region, Optional<String> packageName) {
        return new FleetFilter(account, region, packageName, Optional.empty());
    }

    private static FleetFilter packageFilter(String packageName) {
        return filter(Optional.empty(), Optional.empty(), Optional.of(packageName));
    }

    private static String pagePath(FleetFilter filter, int limit, Optional<String> nextToken) {
        StringJoiner query = new StringJoiner("&", "/ec2?", "");
        filter.awsAccount().ifPresent(account -> query.add("aws_account=" + account));
        filter.awsRegion().ifPresent(region -> query.add("aws_region=" + region));
        filter.packageName().ifPresent(packageName -> query.add("package_name=" + packageName));
        query.add("limit=" + limit);
        nextToken.ifPresent(token -> query.add("next_token=" + token));
        return query.toString();
    }

    /** The next_token a client holds for page {@code page} of the whole fleet at the default limit. */
    private static Optional<String> tokenOfPage(HttpClient http, URI api, int page) throws Exception {
        Optional<String> token = Optional.empty();
        for (int before = 1; before < page; before++) {
            String body = send(http, api, pagePath(FleetFilter.NONE, FleetQuery.DEFAULT_LIMIT, token)).body();
            token = Optional.of(JSON.readTree(body).path("next_token").asText());
        }
        return token;
    }

    private static String timed(HttpClient http, URI api, Read read) throws Exception {
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            send(http, api, read.pathAndQuery());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < TIMED_REQUESTS; i++) {
            long started = System.nanoTime();
            send(http, api, read.pathAndQuery());
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return Summary.of(millis).describe("%.0f", "ms");
    }

    private static HttpResponse<String> send(HttpClient http, URI api, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(LocalStackLatency.get(api, pathAndQuery).build(),
                BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private static String explained(Connection connection, Read read) throws Exception {
        StatementPlan plan = StatementPlan.of(connection, RecordedStatements.of(read.call()).statements().get(0));
        return String.format("SQL alone %.0f ms, returns %,d rows, reads %,d; EXPLAIN: %s", plan.jdbcMillis(),
                plan.rowsReturned(), plan.rowsRead(), plan.explain());
    }
}
