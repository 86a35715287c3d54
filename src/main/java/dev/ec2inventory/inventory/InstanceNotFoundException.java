package dev.ec2inventory.inventory;

/** The instance a request names is not in the inventory: nothing was changed. */
public final class InstanceNotFoundException extends RuntimeException {

    private final String awsInstanceId;

    public InstanceNotFoundException(String awsInstanceId) {
        super("Instance " + awsInstanceId + " is not in the inventory");
        this.awsInstanceId = awsInstanceId;
    }

    public String awsInstanceId() {
        return awsInstanceId;
    }
}
