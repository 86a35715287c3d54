package dev.ec2inventory.api;

import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InvalidFieldException;
import java.util.Map;

/** An EventBridge EC2 state-change notification, reduced to the instance and its new state. */
record Ec2StateChange(String awsInstanceId, String state) {

    static final String SOURCE = "aws.ec2";
    static final String DETAIL_TYPE = "EC2 Instance State-change Notification";
    static final String TERMINATED = "terminated";

    /** @throws IllegalArgumentException when the event is not such a notification, or its id names no instance */
    static Ec2StateChange of(Map<String, Object> event) {
        if (event == null) {
            throw new IllegalArgumentException("no event");
        }
        requireEqual(event, "source", SOURCE);
        requireEqual(event, "detail-type", DETAIL_TYPE);
        if (!(event.get("detail") instanceof Map<?, ?> detail)) {
            throw new IllegalArgumentException("detail is not an object");
        }
        String awsInstanceId = text(detail, "instance-id");
        try {
            Ec2Instance.requireValidInstanceId(awsInstanceId);
        } catch (InvalidFieldException notAnId) {
            throw new IllegalArgumentException("detail.instance-id " + notAnId.problem(), notAnId);
        }
        return new Ec2StateChange(awsInstanceId, text(detail, "state"));
    }

    boolean terminated() {
        return TERMINATED.equals(state);
    }

    private static void requireEqual(Map<String, Object> event, String field, String expected) {
        if (!expected.equals(event.get(field))) {
            throw new IllegalArgumentException(field + " is not '" + expected + "'");
        }
    }

    private static String text(Map<?, ?> detail, String field) {
        if (!(detail.get(field) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException("detail." + field + " is not a non-blank string");
        }
        return value;
    }
}
