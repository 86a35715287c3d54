package dev.ec2inventory.migration;

import java.util.regex.Pattern;

/**
 * The text a failed migration puts in CloudFormation's {@code Reason} (shown in the stack's events) and in the log:
 * Flyway's message, with every ARN replaced, so that no secret's ARN (nor the cluster's account) reaches a stack
 * event, and cut to fit the custom-resource response (4 KiB in all).
 */
final class FailureReason {

    static final int MAX_LENGTH = 1_500;
    private static final Pattern ARN = Pattern.compile("arn:aws[a-zA-Z-]*:[^\\s'\",;)\\]}]*");

    private FailureReason() {
    }

    static String scrub(String text) {
        String scrubbed = ARN.matcher(text).replaceAll("<arn>").strip();
        return scrubbed.length() <= MAX_LENGTH ? scrubbed : scrubbed.substring(0, MAX_LENGTH - 3) + "...";
    }
}
