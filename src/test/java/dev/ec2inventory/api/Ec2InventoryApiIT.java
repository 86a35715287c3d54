package dev.ec2inventory.api;

import static dev.ec2inventory.api.ApiAssertions.assertSameResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.inventory.InventoryRepository;
import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiFault;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two functions as Lambda builds them (from their environment), through the Data API emulator on the migrated
 * schema: what only this level sees. The round trips, the atomicity of POST under injected faults, the clock of a
 * stored record, and bad input that never reaches the database. The unknown and duplicate journeys are asserted once
 * per level elsewhere: the handler tests (event fixtures), {@code InventoryRepositoryIT} (what is stored) and the
 * HTTP contract suite ({@code contract.HttpContractIT}).
 */
@EmulatedDatabase
class Ec2InventoryApiIT {

    private static final String INSTANCE = "i-01aaae43feb712345";
    private static final Pattern CREATION_DATE = Pattern.compile("\"creation_date_utc\":\"([0-9: -]{19})\\.0\"");

    private static EmulatedCluster cluster;
    private static AddEc2InfoHandler add;
    private static GetEc2InfoHandler get;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        add = new AddEc2InfoHandler(FunctionWiring.from(cluster.functionEnvironment()));
        get = new GetEc2InfoHandler(FunctionWiring.from(cluster.functionEnvironment()));
    }

    @Test
    void postAnswersTheNewRecordAndGetReadsItBack() {
        APIGatewayProxyResponseEvent posted = add.handleRequest(event("post-ec2-info.json"), TestContext.create());
        LocalDateTime postedAt = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        APIGatewayProxyResponseEvent read = get.handleRequest(event("get-ec2-info.json"), TestContext.create());

        assertSameResponse(posted, response("post-ec2-info-response.json"));
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getHeaders()).containsEntry("Content-Type", "application/json");
        Matcher date = CREATION_DATE.matcher(read.getBody());
        assertThat(date.find()).as(read.getBody()).isTrue();
        assertThat(LocalDateTime.parse(date.group(1).replace(' ', 'T'))).isBetween(postedAt.minusSeconds(5), postedAt);
        assertThat(read.getBody().replace(date.group(1), "2019-03-06 02:45:32")).isEqualTo("{\"record\":{"
                + "\"aws_instance_id\":\"i-01aaae43feb712345\",\"aws_region\":\"us-east-1\","
                + "\"aws_account\":\"123456789012\",\"creation_date_utc\":\"2019-03-06 02:45:32.0\",\"packages\":["
                + "{\"package_name\":\"package-1\",\"package_version\":\"v1\"},"
                + "{\"package_name\":\"package-1\",\"package_version\":\"v2\"},"
                + "{\"package_name\":\"package-2\",\"package_version\":\"v1\"},"
                + "{\"package_name\":\"package-3\",\"package_version\":\"v1\"}]},\"record_found\":true}");
    }

    @Test
    void absentPackagesMeanNone() {
        assertSameResponse(
                add.handleRequest(event("post-ec2-info-without-packages.json"), TestContext.create()),
                response("post-ec2-info-without-packages-response.json"));

        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2")).isEqualTo(1);
    }

    @Test
    void aPackageListedTwiceIsStoredOnce() {
        assertSameResponse(
                add.handleRequest(event("post-ec2-info-duplicate-packages.json"), TestContext.create()),
                response("post-ec2-info-duplicate-packages-response.json"));

        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2_package")).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            post-ec2-info-unknown-field.json          | Unknown field 'owner'
            post-ec2-info-missing-region.json         | aws_region is required
            post-ec2-info-empty-account.json          | aws_account must not be blank
            post-ec2-info-account-as-number.json      | aws_account must be a string
            post-ec2-info-long-region.json            | aws_region must be at most 30 characters
            post-ec2-info-long-package-version.json   | packages[1].package_version must be at most 50 characters
            post-ec2-info-not-json.json               | The request body is not valid JSON (line 1, column 1)
            post-ec2-info-array-body.json             | The request body must be a JSON object
            """)
    void badInputIsA400ThatNeverReachesTheDatabase(String fixture, String message) {
        APIGatewayProxyResponseEvent response = add.handleRequest(event(fixture), TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).matches("\\{\"error_message\":\"\\(error_code: [0-9a-f-]{36}\\) - .*\"}")
                .contains(" - " + message + "\"");
        assertThat(cluster.calls()).isZero();
    }

    @Test
    void getIsExactlyOneDataApiCall() {
        add.handleRequest(event("post-ec2-info.json"), TestContext.create());
        cluster.reset();

        get.handleRequest(event("get-ec2-info.json"), TestContext.create());

        assertThat(cluster.calls()).isEqualTo(1);
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 1_000})
    void postIsAtMostFiveDataApiCalls(int packageCount) {
        APIGatewayProxyResponseEvent response = add.handleRequest(postWithPackages(packageCount), TestContext.create());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(cluster.calls()).isLessThanOrEqualTo(5);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2_package")).isEqualTo(packageCount);
        System.out.printf("[round trips] POST with %,d packages: %d Data API calls%n", packageCount, cluster.calls());
    }

    @ParameterizedTest(name = "failing call {0} of 5")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aPostThatFailsAtAnyCallLeavesNoTrace(int failingCall) {
        cluster.emulator.faults().failNthCallFromNow(failingCall,
                DataApiFault.of(DataApiErrorType.INTERNAL_SERVER_ERROR, "injected failure"));

        APIGatewayProxyResponseEvent response = add.handleRequest(event("post-ec2-info.json"), TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("injected", "InternalServerError", "arn:", "insert");
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2")).isZero();
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isZero();
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2_package")).isZero();
        assertThat(get.handleRequest(event("get-ec2-info.json"), TestContext.create()).getBody())
                .isEqualTo("{\"record\":{},\"record_found\":false}");
    }

    @Test
    void aDatabaseStillResumingAfterTheRetryBudgetIsA503WithRetryAfter() {
        GetEc2InfoHandler quickGet =
                new GetEc2InfoHandler(LoggedLines.quiet(new InventoryRepository(cluster.dataApi())));
        cluster.emulator.faults().failNext(EmulatedCluster.QUICK_RETRIES.maxAttempts(),
                DataApiFault.of(DataApiErrorType.DATABASE_RESUMING, "The database is resuming"));

        APIGatewayProxyResponseEvent response = quickGet.handleRequest(event("get-ec2-info.json"), TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "10")
                .containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).endsWith(
                " - The inventory database is starting up or busy; retry in 10 seconds\"}");
        assertThat(cluster.calls()).isEqualTo(EmulatedCluster.QUICK_RETRIES.maxAttempts());
    }

    @Test
    void aDatabaseThatResumesWithinTheBudgetIsJustSlower() {
        cluster.emulator.faults().failNext(2,
                DataApiFault.of(DataApiErrorType.DATABASE_RESUMING, "The database is resuming"));
        AddEc2InfoHandler quickAdd =
                new AddEc2InfoHandler(LoggedLines.quiet(new InventoryRepository(cluster.dataApi())));

        APIGatewayProxyResponseEvent response = quickAdd.handleRequest(event("post-ec2-info.json"), TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(cluster.calls()).isEqualTo(7);
    }

    @Test
    void anyOtherFailureIsA500ThatSaysNothingInternal() {
        cluster.emulator.faults().failNext(1, DataApiFault.of(DataApiErrorType.FORBIDDEN,
                "User: arn:aws:sts::123456789012:assumed-role/x is not authorized"));

        APIGatewayProxyResponseEvent response = get.handleRequest(event("get-ec2-info.json"), TestContext.create());

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).doesNotContain("arn:", "Forbidden", "select", "Exception");
    }

    private static APIGatewayProxyRequestEvent postWithPackages(int count) {
        String packages = IntStream.range(0, count)
                .mapToObj(i -> "{\"package_name\":\"package-" + i + "\",\"package_version\":\"1.0." + i + "\"}")
                .collect(Collectors.joining(","));
        return event("post-ec2-info.json").withBody(
                "{\"aws_region\":\"us-east-1\",\"aws_account\":\"123456789012\",\"packages\":[" + packages + "]}");
    }

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture);
    }

    private static APIGatewayProxyResponseEvent response(String fixture) {
        return EventLoader.loadEvent("events/" + fixture, APIGatewayProxyResponseEvent.class);
    }
}
