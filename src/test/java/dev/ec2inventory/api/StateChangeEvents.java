package dev.ec2inventory.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** EventBridge's EC2 state-change notification, as the api tests send it to Ec2StateChangeLambda. */
final class StateChangeEvents {

    private StateChangeEvents() {
    }

    /** The sample notification of src/test/resources/events, with another state. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> event(String state) {
        try (InputStream json = StateChangeEvents.class.getResourceAsStream("/events/ec2-state-change-terminated.json")) {
            Map<String, Object> event = new HashMap<>(StrictJson.MAPPER.readValue(json, Map.class));
            event.put("detail", Map.of("instance-id", "i-01aaae43feb712345", "state", state));
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
