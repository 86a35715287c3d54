package dev.ec2inventory.local.gateway;

/**
 * A request the gateway answers itself, before any function runs, with a JSON {@code {"message": ...}} body. The
 * message is written for the client: it never names a Java class.
 */
final class GatewayRefusal extends Exception {

    private final int status;

    GatewayRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static GatewayRefusal badRequest(String message) {
        return new GatewayRefusal(400, message);
    }
}
