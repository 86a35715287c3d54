package dev.ec2inventory.inventory;

/** An instance with this id is already stored; nothing was written. */
public final class InstanceAlreadyExistsException extends RuntimeException {

    public InstanceAlreadyExistsException(String awsInstanceId) {
        // An expected outcome, not a fault: the stack trace would tell nobody anything.
        super("Instance " + awsInstanceId + " is already in the inventory", null, false, false);
    }
}
