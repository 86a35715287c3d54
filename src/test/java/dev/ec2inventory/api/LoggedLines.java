package dev.ec2inventory.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Collects what a handler logs; {@link ApiAssertions#assertError} checks an error answer against it. */
final class LoggedLines {

    final List<String> lines = new ArrayList<>();

    Responder responder(LogLevel threshold) {
        return new Responder(new JsonLog(threshold, lines::add));
    }

    List<JsonNode> parsed() {
        return lines.stream().map(LoggedLines::parse).toList();
    }

    static JsonNode parse(String line) {
        try {
            return ApiJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
