package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EventBridge's EC2 state-change notification: a terminated instance leaves the inventory, anything else is logged
 * and ignored. Only a database failure is thrown, for Lambda's bounded retries ({@code EventInvokeConfig}).
 */
public final class Ec2StateChangeLambda
        implements RequestHandler<Map<String, Object>, Map<String, Object>>, RequestStreamHandler {

    private final FunctionWiring wiring;

    public Ec2StateChangeLambda() {
        this(FunctionWiring.ofThisEnvironment());
    }

    Ec2StateChangeLambda(FunctionWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event_id", event == null ? null : event.get("id"));
        if (context != null) {
            fields.put("aws_request_id", context.getAwsRequestId());
        }
        Ec2StateChange change;
        try {
            change = Ec2StateChange.of(event);
        } catch (IllegalArgumentException notAStateChange) {
            return ignored(fields, LogLevel.WARN,
                    "not an EC2 state-change notification: " + notAStateChange.getMessage());
        }
        fields.put("aws_instance_id", change.awsInstanceId());
        fields.put("state", change.state());
        if (!change.terminated()) {
            return ignored(fields, LogLevel.INFO, "only terminated instances leave the inventory");
        }
        fields.put("outcome", wiring.inventory().delete(change.awsInstanceId()) ? "deleted" : "not_in_inventory");
        wiring.log(LogLevel.INFO, "terminated instance removed", fields);
        return fields;
    }

    /** The runtime prefers this entry point: our own Jackson, so it loads no serializer ({@link ProxyEventJson}). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ProxyEventJson.answerMap(input, output, event -> handleRequest(event, context));
    }

    /** Not thrown: Lambda would retry an event that can never succeed. */
    private Map<String, Object> ignored(Map<String, Object> fields, LogLevel level, String reason) {
        fields.put("outcome", "ignored");
        fields.put("reason", reason);
        wiring.log(level, "event ignored", fields);
        return fields;
    }
}
