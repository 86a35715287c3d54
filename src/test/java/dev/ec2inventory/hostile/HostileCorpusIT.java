package dev.ec2inventory.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ec2inventory.hostile.HostileCase.Level;
import dev.ec2inventory.local.db.JdbcLocation;
import dev.ec2inventory.local.gateway.GatewayEvents;
import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.sam.ApiRoute;
import dev.ec2inventory.local.stack.DatabaseSource;
import dev.ec2inventory.local.stack.LocalStack;
import dev.ec2inventory.local.stack.LocalStackOptions;
import dev.ec2inventory.testing.TestDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile corpus ({@code src/test/resources/hostile/cases.jsonl}) against the whole local stack of template.yaml:
 * every case through the functions in-process, then through the local HTTP server, each from the same baseline rows.
 * Then one leak scan over every answer, and a summary line with the numbers the note quotes.
 */
class HostileCorpusIT {

    /** Rows every case starts from, so that a case can collide with existing data (ids, shared packages). */
    private static final String[] BASELINE = {
        "INSERT INTO ec2 (aws_instance_id, aws_region, aws_account) VALUES "
                + "('i-baseline-0001', 'us-east-1', '123456789012'), ('x-CaseId', 'eu-west-1', '210987654321')",
        "INSERT INTO package (package_name, package_version) VALUES ('PyYAML', '6.0'), ('cafe', '1.0'), "
                + "('openssl', '3.0.2')",
        "INSERT INTO ec2_package (aws_instance_id, package_name, package_version) VALUES "
                + "('i-baseline-0001', 'PyYAML', '6.0'), ('i-baseline-0001', 'cafe', '1.0'), "
                + "('x-CaseId', 'openssl', '3.0.2')"};

    private static final List<HostileCase> CORPUS = CorpusReader.read();
    private static final CorpusTally TALLY = new CorpusTally();

    private static TestDatabase database;
    private static LocalStack stack;
    private static CaseRun runner;

    @BeforeAll
    static void startTheStack() {
        database = TestDatabase.empty("hostile");
        DatabaseSource source = new DatabaseSource.External(new JdbcLocation(database.server(), database.name()));
        stack = LocalStack.start(new LocalStackOptions(Path.of("template.yaml"), source, 0, 0,
                LocalStackOptions.Scope.API, HostileCorpusIT::showServerErrors));
        runner = new CaseRun(database, HostileCorpusIT::resetToBaseline, TALLY);
    }

    @AfterAll
    static void stopTheStack() {
        TALLY.summary().forEach(System.out::println);
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            database.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> theCorpus() {
        assertThat(CORPUS).as("cases in " + CorpusReader.RESOURCE).hasSizeGreaterThanOrEqualTo(100);
        return Stream.of(
                channel("handlers in-process", Level.HANDLER),
                channel("local HTTP server", Level.HTTP),
                dynamicTest("leak scan of every error body and header", HostileCorpusIT::noLeaks));
    }

    private static DynamicNode channel(String name, Level level) {
        return dynamicContainer(name, CORPUS.stream()
                .filter(hostile -> hostile.level().includes(level))
                .map(hostile -> dynamicTest(hostile.name(), () -> runner.run(hostile, channelFor(level)))));
    }

    private static Channel channelFor(Level level) {
        return level == Level.HANDLER
                ? new InProcessChannel(new GatewayEvents(routes(), stack.stage()))
                : new HttpChannel(stack.apiEndpoint().orElseThrow());
    }

    /** Every route of template.yaml and the function behind it, as the stack's gateway has them. */
    private static Map<ApiRoute, LocalFunction> routes() {
        Map<ApiRoute, LocalFunction> routes = new LinkedHashMap<>();
        stack.functions().forEach(function -> function.definition().routes()
                .forEach(route -> routes.put(route, function)));
        return routes;
    }

    private static void noLeaks() {
        List<String> leaks = TALLY.leaks();
        leaks.forEach(leak -> System.out.println("[hostile corpus] LEAK " + leak));
        assertThat(leaks).as("internal details in error bodies or headers").isEmpty();
    }

    private static void resetToBaseline() {
        database.deleteInventoryRows();
        database.execute(BASELINE);
    }

    /** Of the functions' log lines, only errors are shown: the diagnosis of a 5xx. */
    private static void showServerErrors(String line) {
        if (line.contains("\"level\":\"ERROR\"") || line.contains("unhandled error")) {
            System.out.println("[hostile corpus] function log: " + Shown.head(line, 600));
        }
    }
}
