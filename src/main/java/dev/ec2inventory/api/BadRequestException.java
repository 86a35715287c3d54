package dev.ec2inventory.api;

/** A 400 the client can fix: the message is shown to the client, the detail goes to the log only. */
final class BadRequestException extends RuntimeException {

    private final String detail;

    BadRequestException(String clientMessage) {
        this(clientMessage, null);
    }

    BadRequestException(String clientMessage, String detail) {
        super(clientMessage, null, false, false);
        this.detail = detail;
    }

    String detail() {
        return detail;
    }
}
