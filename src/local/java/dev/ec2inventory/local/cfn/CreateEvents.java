package dev.ec2inventory.local.cfn;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** The Create event CloudFormation sends the InventorySchema custom resource, answered at a local URL. */
public final class CreateEvents {

    private CreateEvents() {
    }

    public static CloudFormationCustomResourceEvent create(URI responseUrl) {
        return CloudFormationCustomResourceEvent.builder()
                .withRequestType("Create")
                .withResponseUrl(responseUrl.toString())
                .withStackId("arn:aws:cloudformation:us-east-1:123456789012:stack/ec2-inventory-local/local")
                .withRequestId(UUID.randomUUID().toString())
                .withLogicalResourceId("InventorySchema")
                .withResourceType("Custom::InventorySchema")
                .withResourceProperties(Map.of("SchemaVersionHash", "local"))
                .build();
    }
}
