package dev.ec2inventory.api;

/**
 * The request is wrong and the client can fix it: a 400 whose message is shown to the client. The detail, if any,
 * goes to the log only.
 */
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
