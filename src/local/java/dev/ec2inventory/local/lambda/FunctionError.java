package dev.ec2inventory.local.lambda;

/** A handler threw: what Lambda would report as an unhandled function error. */
public final class FunctionError extends RuntimeException {

    public FunctionError(String logicalId, Throwable cause) {
        super(logicalId + " failed: " + cause, cause);
    }
}
