package dev.ec2inventory.api;

import static dev.ec2inventory.api.ApiAssertions.assertError;
import static dev.ec2inventory.api.ApiAssertions.assertSameResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.HandlerParams;
import com.amazonaws.services.lambda.runtime.tests.annotations.Response;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.InventoryUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddEc2InfoHandlerTest {

    private final InMemoryInventory inventory = new InMemoryInventory();
    private final LoggedLines log = new LoggedLines();
    private final AddEc2InfoHandler handler =
            new AddEc2InfoHandler(log.wiring(inventory, LogLevel.INFO));

    @ParameterizedTest
    @HandlerParams(
            event = @Event(value = "events/post-ec2-info.json", type = APIGatewayProxyRequestEvent.class),
            response = @Response(value = "events/post-ec2-info-response.json",
                    type = APIGatewayProxyResponseEvent.class))
    void answersTheReadmeExampleWithTheNewRecord(APIGatewayProxyRequestEvent request,
            APIGatewayProxyResponseEvent expected) {
        assertSameResponse(handler.handleRequest(request, TestContext.create()), expected);
        assertThat(inventory.entries).containsKey("i-01aaae43feb712345");
        assertThat(log.lines).isEmpty();
    }

    @ParameterizedTest
    @HandlerParams(
            event = @Event(value = "events/post-ec2-info-duplicate-packages.json",
                    type = APIGatewayProxyRequestEvent.class),
            response = @Response(value = "events/post-ec2-info-duplicate-packages-response.json",
                    type = APIGatewayProxyResponseEvent.class))
    void storesAPackageListedTwiceOnceAndAnswersItOnce(APIGatewayProxyRequestEvent request,
            APIGatewayProxyResponseEvent expected) {
        assertSameResponse(handler.handleRequest(request, TestContext.create()), expected);
        assertThat(inventory.entries.get("i-01aaae43feb712345").ec2Instance().packages()).containsExactly(
                new InstalledPackage("package-2", "v1"), new InstalledPackage("package-1", "v1"));
    }

    @ParameterizedTest
    @HandlerParams(
            event = @Event(value = "events/post-ec2-info-without-packages.json",
                    type = APIGatewayProxyRequestEvent.class),
            response = @Response(value = "events/post-ec2-info-without-packages-response.json",
                    type = APIGatewayProxyResponseEvent.class))
    void absentPackagesMeanNone(APIGatewayProxyRequestEvent request, APIGatewayProxyResponseEvent expected) {
        assertSameResponse(handler.handleRequest(request, TestContext.create()), expected);
    }

    @ParameterizedTest
    @Event(value = "events/post-ec2-info-base64.json", type = APIGatewayProxyRequestEvent.class)
    void readsBase64EncodedBodies(APIGatewayProxyRequestEvent request) {
        assertThat(handler.handleRequest(request, TestContext.create()).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            post-ec2-info-unknown-field.json          | Unknown field 'owner'
            post-ec2-info-unknown-package-field.json  | Unknown field 'packages[0].arch'
            post-ec2-info-missing-region.json         | aws_region is required
            post-ec2-info-empty-account.json          | aws_account must not be blank
            post-ec2-info-account-as-number.json      | aws_account must be a string
            post-ec2-info-long-region.json            | aws_region must be at most 30 characters
            post-ec2-info-long-package-version.json   | packages[1].package_version must be at most 50 characters
            post-ec2-info-packages-not-array.json     | packages must be an array
            post-ec2-info-null-package.json           | packages[0] must be an object
            post-ec2-info-not-json.json               | The request body is not valid JSON (line 1, column 1)
            post-ec2-info-array-body.json             | The request body must be a JSON object
            post-ec2-info-no-body.json                | The request body must be a JSON object
            post-ec2-info-long-instance-id.json       | aws_instance_id must be at most 255 characters
            """)
    void refusesBadInputNamingTheFieldAndTheRule(String fixture, String message) {
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("events/" + fixture), TestContext.create());

        JsonNode logged = assertError(log, response, 400, message);
        assertThat(logged.path("level").asText()).isEqualTo("WARN");
        assertThat(logged.path("route").asText()).isEqualTo("POST /ec2/{aws_instance_id}");
        assertThat(logged.path("aws_request_id").asText()).isEqualTo(TestContext.AWS_REQUEST_ID);
        assertThat(logged.path("api_request_id").asText()).isEqualTo("77375676-xmpl-4b79-853a-f982474efe18");
        assertThat(inventory.entries).isEmpty();
    }

    @Test
    void moreThanAThousandPackagesIsTooMany() {
        String packages = IntStream.range(0, 1001)
                .mapToObj(i -> "{\"package_name\":\"p" + i + "\",\"package_version\":\"1\"}")
                .collect(Collectors.joining(","));
        APIGatewayProxyRequestEvent request = EventLoader.loadApiGatewayRestEvent("events/post-ec2-info.json")
                .withBody("{\"aws_region\":\"r\",\"aws_account\":\"a\",\"packages\":[" + packages + "]}");

        assertError(log, handler.handleRequest(request, TestContext.create()), 400,
                "packages must have at most 1000 items");
    }

    @ParameterizedTest
    @Event(value = "events/post-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void aSecondAddOfTheSameInstanceIsABadRequest(APIGatewayProxyRequestEvent request) {
        inventory.with(new Ec2Instance("i-01aaae43feb712345", "us-east-1", "123456789012", List.of()));

        assertError(log, handler.handleRequest(request, TestContext.create()), 400,
                "Instance i-01aaae43feb712345 is already in the inventory");
    }

    @ParameterizedTest
    @Event(value = "events/post-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void aResumingDatabaseIsA503WithRetryAfter(APIGatewayProxyRequestEvent request) {
        inventory.failingWith(() -> new InventoryUnavailableException(
                "ExecuteStatement: the database is still resuming after the retry budget", Duration.ofSeconds(10),
                null));

        APIGatewayProxyResponseEvent response = handler.handleRequest(request, TestContext.create());

        JsonNode logged = assertError(log, response, 503,
                "The inventory database is starting up or busy; retry in 10 seconds");
        assertThat(response.getHeaders()).containsEntry("Retry-After", "10");
        assertThat(logged.path("detail").asText()).contains("resuming");
    }

    @ParameterizedTest
    @Event(value = "events/post-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void anythingElseIsA500ThatTellsTheClientNothingInternal(APIGatewayProxyRequestEvent request) {
        inventory.failingWith(() -> new IllegalStateException(
                "ExecuteStatement failed on arn:aws:rds:us-east-1:123456789012:cluster:prod: insert into `ec2` ..."));

        APIGatewayProxyResponseEvent response = handler.handleRequest(request, TestContext.create());

        JsonNode logged = assertError(log, response, 500,
                "The inventory could not handle the request; quote the error code when reporting it");
        assertThat(response.getBody()).doesNotContain("arn:", "insert", "Exception", "dev.ec2inventory");
        assertThat(logged.path("level").asText()).isEqualTo("ERROR");
        assertThat(logged.path("exception").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(logged.path("detail").asText()).contains("insert into `ec2`");
        assertThat(logged.path("stack_trace").asText()).contains("AddEc2InfoHandler");
    }

    @ParameterizedTest
    @Event(value = "events/post-ec2-info-unknown-field.json", type = APIGatewayProxyRequestEvent.class)
    void logLevelErrorKeepsClientErrorsOutOfTheLog(APIGatewayProxyRequestEvent request) {
        AddEc2InfoHandler quiet =
                new AddEc2InfoHandler(log.wiring(inventory, LogLevel.ERROR));

        assertThat(quiet.handleRequest(request, TestContext.create()).getStatusCode()).isEqualTo(400);
        assertThat(log.lines).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/post-ec2-info.json", type = APIGatewayProxyRequestEvent.class)
    void logLevelDebugLogsEachRequestWithoutItsBody(APIGatewayProxyRequestEvent request) {
        AddEc2InfoHandler verbose =
                new AddEc2InfoHandler(log.wiring(inventory, LogLevel.DEBUG));

        verbose.handleRequest(request, TestContext.create());

        assertThat(log.parsed()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("DEBUG");
            assertThat(line.path("status").asInt()).isEqualTo(200);
            assertThat(line.has("duration_ms")).isTrue();
        });
        assertThat(log.lines.get(0)).doesNotContain("package-1");
    }
}
