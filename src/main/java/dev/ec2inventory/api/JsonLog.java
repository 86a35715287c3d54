package dev.ec2inventory.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON object per line, for CloudWatch Logs Insights to query field by field. Lines below the threshold
 * ({@code AWS_LAMBDA_LOG_LEVEL}) are not even built.
 */
final class JsonLog {

    private final LogLevel threshold;
    private final Consumer<String> sink;

    /** @param sink where lines go: the Lambda runtime's logger in a function, a list in tests */
    JsonLog(LogLevel threshold, Consumer<String> sink) {
        this.threshold = threshold;
        this.sink = sink;
    }

    boolean isEnabled(LogLevel level) {
        return threshold.includes(level);
    }

    /** Writes {@code level}, {@code message}, then {@code fields} in their order. */
    void log(LogLevel level, String message, Map<String, Object> fields) {
        if (!isEnabled(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level.name());
        line.put("message", message);
        line.putAll(fields);
        try {
            sink.accept(ApiJson.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException impossible) {
            // Only strings and numbers go in; should Jackson still fail, the line must not take the request down.
            sink.accept("{\"level\":\"ERROR\",\"message\":\"unloggable log line\"}");
        }
    }
}
