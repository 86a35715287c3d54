package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PUT packages, POST, GET and a removal (DELETE, or the state-change function's termination) racing on one instance,
 * twelve at once, through the functions as Lambda builds them, the Data API emulator and the real database (issue
 * 17). A deadlock or lock-wait timeout must never reach a client as a failure, and no reader may see half a write.
 *
 * <p>Rounds: {@code -Drace.rounds=N}; the default keeps the build short.
 */
@EmulatedDatabase
class LifecycleRaceIT {

    private static final String INSTANCE = "i-01aaae43feb712345";
    private static final int CONCURRENCY = 12;
    private static final int ROUNDS = Integer.getInteger("race.rounds", 10);

    private static EmulatedCluster cluster;
    private static FunctionWiring wiring;
    private static ExecutorService clients;

    /** What the functions answered, and every package list a write sent: a GET must show one of them whole. */
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final Set<JsonNode> writtenLists = Collections.synchronizedSet(new HashSet<>());

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        wiring = FunctionWiring.from(cluster.functionEnvironment());
        clients = Executors.newFixedThreadPool(CONCURRENCY);
    }

    @AfterAll
    static void stop() {
        clients.shutdownNow();
    }

    /** How the instance leaves the inventory in the race. */
    enum Removal {
        DELETE_ROUTE, TERMINATION_EVENT
    }

    @ParameterizedTest
    @EnumSource(Removal.class)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void racingWritersNeverFailAndReadersSeeWholeRecords(Removal removal) throws Exception {
        Random random = new Random(17);
        for (int round = 1; round <= ROUNDS; round++) {
            List<Supplier<Answer>> requests = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY / 4; i++) {
                requests.add(post(packageList(round, "post-" + i)));
                requests.add(put(packageList(round, "put-" + i)));
                requests.add(removal == Removal.DELETE_ROUTE ? this::delete : this::terminate);
                requests.add(this::get);
            }
            Collections.shuffle(requests, random);
            runAtOnce(requests);

            assertThat(orphanLinks()).as("links without their instance after round %d", round).isZero();
            assertThat(get().body()).as("GET after round %d", round).isEqualTo(recordInTables());
        }

        List<Answer> failures = answers.stream().filter(answer -> answer.status() >= 500).toList();
        assertThat(failures).as("%d of %d requests answered 5xx", failures.size(), answers.size()).isEmpty();
        assertThat(answers).as("no GET answered part of a package list").allSatisfy(this::isWholeIfRead);
    }

    private void runAtOnce(List<Supplier<Answer>> requests) throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        List<Future<Answer>> running = new ArrayList<>();
        for (Supplier<Answer> request : requests) {
            running.add(clients.submit(() -> {
                ready.countDown();
                ready.await();
                return request.get();
            }));
        }
        for (Future<Answer> answer : running) {
            answers.add(answer.get(2, TimeUnit.MINUTES));
        }
    }

    private boolean isWholeIfRead(Answer answer) {
        if (answer.kind() != Kind.GET || !answer.body().path("record_found").asBoolean()) {
            return true;
        }
        return writtenLists.contains(answer.body().at("/record/packages"));
    }

    /** Three packages no other write sends, in the order GET lists them; remembered as a written list. */
    private JsonNode packageList(int round, String writer) {
        var packages = StrictJson.MAPPER.createArrayNode();
        String name = "race-" + round + "-" + writer;
        packages.addObject().put("package_name", name).put("package_version", "v1");
        packages.addObject().put("package_name", name).put("package_version", "v2");
        packages.addObject().put("package_name", "shared").put("package_version", round + "-" + writer);
        writtenLists.add(packages);
        return packages;
    }

    private Supplier<Answer> post(JsonNode packages) {
        var body = StrictJson.MAPPER.createObjectNode().put("aws_region", "us-east-1").put("aws_account", "123456789012");
        body.set("packages", packages);
        return () -> answer(Kind.POST, new AddEc2InfoHandler(wiring), event("post-ec2-info.json").withBody(body
                .toString()));
    }

    private Supplier<Answer> put(JsonNode packages) {
        String body = StrictJson.MAPPER.createObjectNode().set("packages", packages).toString();
        return () -> answer(Kind.PUT, new ReplaceEc2PackagesHandler(wiring), event("put-ec2-packages.json")
                .withBody(body));
    }

    private Answer delete() {
        return answer(Kind.REMOVE, new DeleteEc2InfoHandler(wiring), event("delete-ec2-info.json"));
    }

    private Answer get() {
        return answer(Kind.GET, new GetEc2InfoHandler(wiring), event("get-ec2-info.json"));
    }

    /** A function that throws is what EventBridge retries and logs as an ERROR: counted as a 500. */
    private Answer terminate() {
        Ec2StateChangeLambda lambda = new Ec2StateChangeLambda(wiring);
        try {
            Map<String, Object> outcome = lambda.handleRequest(StateChangeEvents.event("terminated"),
                    TestContext.create());
            return new Answer(Kind.REMOVE, 200, StrictJson.MAPPER.valueToTree(outcome));
        } catch (RuntimeException failure) {
            return new Answer(Kind.REMOVE, 500, StrictJson.MAPPER.getNodeFactory().textNode(failure.toString()));
        }
    }

    private static Answer answer(Kind kind, InventoryRoute route, APIGatewayProxyRequestEvent request) {
        APIGatewayProxyResponseEvent response = route.handleRequest(request, TestContext.create());
        try {
            return new Answer(kind, response.getStatusCode(), StrictJson.MAPPER.readTree(response.getBody()));
        } catch (Exception unreadable) {
            throw new AssertionError("not JSON: " + response.getBody(), unreadable);
        }
    }

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture)
                .withPathParameters(Map.of("aws_instance_id", INSTANCE));
    }

    private static long orphanLinks() {
        return cluster.database.queryLong("SELECT COUNT(*) FROM ec2_package link LEFT JOIN ec2"
                + " ON ec2.aws_instance_id = link.aws_instance_id WHERE ec2.aws_instance_id IS NULL");
    }

    /** GET's answer, as the tables say it should read. */
    private static JsonNode recordInTables() throws SQLException {
        try (Connection connection = cluster.database.connect();
                PreparedStatement instance = connection.prepareStatement("SELECT aws_region, aws_account,"
                        + " DATE_FORMAT(creation_date_utc, '%Y-%m-%d %H:%i:%s.0') FROM ec2 WHERE aws_instance_id = ?");
                PreparedStatement links = connection.prepareStatement("SELECT package_name, package_version"
                        + " FROM ec2_package WHERE aws_instance_id = ? ORDER BY package_name, package_version")) {
            instance.setString(1, INSTANCE);
            links.setString(1, INSTANCE);
            var answer = StrictJson.MAPPER.createObjectNode();
            try (ResultSet row = instance.executeQuery(); ResultSet packages = links.executeQuery()) {
                if (!row.next()) {
                    answer.putObject("record");
                    return answer.put("record_found", false);
                }
                var record = answer.putObject("record").put("aws_instance_id", INSTANCE)
                        .put("aws_region", row.getString(1)).put("aws_account", row.getString(2))
                        .put("creation_date_utc", row.getString(3));
                var list = record.putArray("packages");
                while (packages.next()) {
                    list.addObject().put("package_name", packages.getString(1))
                            .put("package_version", packages.getString(2));
                }
                return answer.put("record_found", true);
            }
        }
    }

    private enum Kind {
        POST, PUT, REMOVE, GET
    }

    private record Answer(Kind kind, int status, JsonNode body) {
    }
}
