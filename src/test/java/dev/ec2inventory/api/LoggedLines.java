package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects what a handler logs, and checks an error answer against its log line. */
final class LoggedLines {

    private static final Pattern ERROR_MESSAGE = Pattern.compile(
            "\\(error_code: ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\) - (.*)", Pattern.DOTALL);

    final List<String> lines = new ArrayList<>();

    Responder responder(LogLevel threshold) {
        return new Responder(new JsonLog(threshold, lines::add));
    }

    List<JsonNode> parsed() {
        return lines.stream().map(LoggedLines::parse).toList();
    }

    /**
     * The response is {@code status} with the error body, exactly, and one log line carries its error code.
     *
     * @return that log line
     */
    JsonNode assertError(APIGatewayProxyResponseEvent response, int status, String clientMessage) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode json = parse(response.getBody());
        assertThat(json.size()).as("fields of %s", response.getBody()).isEqualTo(1);
        Matcher body = ERROR_MESSAGE.matcher(json.path("error_message").asText());
        assertThat(body.matches()).as("error body %s", response.getBody()).isTrue();
        assertThat(body.group(2)).isEqualTo(clientMessage);
        List<JsonNode> withCode = parsed().stream()
                .filter(line -> body.group(1).equals(line.path("error_code").asText())).toList();
        assertThat(withCode).as("log lines with the error code").hasSize(1);
        assertThat(withCode.get(0).path("status").asInt()).isEqualTo(status);
        assertThat(withCode.get(0).path("error_message").asText()).isEqualTo(clientMessage);
        return withCode.get(0);
    }

    private static JsonNode parse(String line) {
        try {
            return ApiJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("log line is not JSON: " + line, e);
        }
    }
}
