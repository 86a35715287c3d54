package dev.ec2inventory.bench;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.ScriptedRdsDataClient;
import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryRepository;
import java.util.function.Consumer;

/**
 * What the repository sends to the Data API for some calls, recorded instead of sent: every request is answered with
 * an empty success, so the statements are exactly those a function renders for the same calls.
 */
final class RecordedStatements {

    private static final DataApiTarget TARGET = new DataApiTarget("arn:aws:rds:us-east-1:123456789012:cluster:c",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:s", "ec2_inventory_db");

    private RecordedStatements() {
    }

    static ScriptedRdsDataClient of(Consumer<Inventory> calls) {
        ScriptedRdsDataClient client = new ScriptedRdsDataClient();
        calls.accept(new InventoryRepository(new JooqDataApi(new DataApiClient(client), TARGET)));
        return client;
    }
}
