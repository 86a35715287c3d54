package dev.ec2inventory.migration;

/** The application user could not be set up; the message is the project's own and quotes no secret. */
final class ApplicationUserException extends RuntimeException {

    ApplicationUserException(String message) {
        super(message);
    }

    ApplicationUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
