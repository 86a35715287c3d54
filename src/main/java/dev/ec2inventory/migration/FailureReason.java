package dev.ec2inventory.migration;

import java.util.regex.Pattern;

/**
 * A failed migration's {@code Reason} for CloudFormation and the log: ARNs replaced, so that neither a secret's ARN
 * nor the account reaches a stack event, and cut to fit the custom-resource response (4 KiB in all).
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
