package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The assertions the api tests share: one place, so that no test class imports another's. */
final class ApiAssertions {

    private static final Pattern ERROR_MESSAGE = Pattern.compile(
            "\\(error_code: ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\) - (.*)", Pattern.DOTALL);

    private ApiAssertions() {
    }

    /** Status, headers and body as in the expected response (an event fixture's), exactly. */
    static void assertSameResponse(APIGatewayProxyResponseEvent actual, APIGatewayProxyResponseEvent expected) {
        assertThat(actual.getStatusCode()).isEqualTo(expected.getStatusCode());
        assertThat(actual.getHeaders()).isEqualTo(expected.getHeaders());
        assertThat(actual.getBody()).isEqualTo(expected.getBody());
    }

    /**
     * The response is {@code status} with the error body, exactly, and one line of the log carries its error code.
     *
     * @return that log line
     */
    static JsonNode assertError(LoggedLines log, APIGatewayProxyResponseEvent response, int status,
            String clientMessage) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode json = LoggedLines.parse(response.getBody());
        assertThat(json.size()).as("fields of %s", response.getBody()).isEqualTo(1);
        Matcher body = ERROR_MESSAGE.matcher(json.path("error_message").asText());
        assertThat(body.matches()).as("error body %s", response.getBody()).isTrue();
        assertThat(body.group(2)).isEqualTo(clientMessage);
        List<JsonNode> withCode = log.parsed().stream()
                .filter(line -> body.group(1).equals(line.path("error_code").asText())).toList();
        assertThat(withCode).as("log lines with the error code").hasSize(1);
        assertThat(withCode.get(0).path("status").asInt()).isEqualTo(status);
        assertThat(withCode.get(0).path("error_message").asText()).isEqualTo(clientMessage);
        return withCode.get(0);
    }
}
