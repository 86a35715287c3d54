package dev.ec2inventory.inventory;

/** No instance with this id is stored, where an operation needs one. */
public final class InstanceNotFoundException extends RuntimeException {

    public InstanceNotFoundException(String awsInstanceId) {
        // An expected outcome, not a fault: the stack trace would tell nobody anything.
        super("Instance " + awsInstanceId + " is not in the inventory", null, false, false);
    }
}
