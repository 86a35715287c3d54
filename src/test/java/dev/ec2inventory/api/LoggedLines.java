package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.inventory.Inventory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects what a handler logs; {@link ApiAssertions#assertError} checks an error answer against it. */
final class LoggedLines implements LambdaLogger {

    final List<String> lines = new ArrayList<>();

    /** A wiring over {@code inventory} that logs here, from {@code threshold} up. */
    FunctionWiring wiring(Inventory inventory, LogLevel threshold) {
        return new FunctionWiring(inventory, this, threshold);
    }

    /** A wiring that logs nothing below ERROR, and drops what it logs. */
    static FunctionWiring quiet(Inventory inventory) {
        return new LoggedLines().wiring(inventory, LogLevel.ERROR);
    }

    @Override
    public void log(String message) {
        lines.add(message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    List<JsonNode> parsed() {
        return lines.stream().map(LoggedLines::parse).toList();
    }

    static JsonNode parse(String line) {
        try {
            return StrictJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
