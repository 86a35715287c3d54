package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.inventory.InventoryLimits;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, defect 4: a POST of a thousand packages with every field at its length limit in emoji passed validation
 * and then failed with the Data API's 4 MiB request limit (413), because the size estimate counted an emoji at 4 bytes
 * where the SDK sends 12. Through the function as Lambda builds it and the Data API emulator, which refuses requests
 * over 4 MiB as the service does.
 */
@EmulatedDatabase
class EmojiAtEveryLimitIT {

    private static final String EMOJI = "\uD83D\uDE80"; // U+1F680, sent by the SDK as \uD83D\uDE80: 12 bytes
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmulatedCluster cluster;
    private static AddEc2InfoHandler add;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        add = new AddEc2InfoHandler(FunctionWiring.from(cluster.functionEnvironment()));
    }

    @Test
    void aThousandPackagesOfEmojiAtEveryLimitAreStoredWithinTheRequestLimit() throws Exception {
        String instanceId = EMOJI.repeat(InventoryLimits.AWS_INSTANCE_ID_LENGTH);
        // Names differ in a 4-digit prefix, so that they are distinct under any collation the schema may have.
        List<List<String>> packages = IntStream.range(0, InventoryLimits.PACKAGES_PER_INSTANCE)
                .mapToObj(i -> List.of(String.format("%04d", i) + EMOJI.repeat(InventoryLimits.PACKAGE_NAME_LENGTH - 4),
                        EMOJI.repeat(InventoryLimits.PACKAGE_VERSION_LENGTH)))
                .toList();

        APIGatewayProxyResponseEvent response = add.handleRequest(post(instanceId, packages), TestContext.create());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(storedPackages(instanceId)).containsExactlyInAnyOrderElementsOf(packages);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM package")).isEqualTo(packages.size());
        // The instance, the packages and the links, about 1.9 MB each: the emulator refuses any request over 4 MiB, so
        // storing them at all shows each was sized as the SDK sends it. RequestSizeTest shows a statement that must
        // be split being split.
        assertThat(cluster.calls(DataApiOperation.EXECUTE_STATEMENT)).isEqualTo(3);
        System.out.printf("[emoji at every limit] POST of %,d packages: %d Data API calls%n", packages.size(),
                cluster.calls());
    }

    private static APIGatewayProxyRequestEvent post(String instanceId, List<List<String>> packages)
            throws JsonProcessingException {
        String body = JSON.writeValueAsString(Map.of(
                "aws_region", EMOJI.repeat(InventoryLimits.AWS_REGION_LENGTH),
                "aws_account", EMOJI.repeat(InventoryLimits.AWS_ACCOUNT_LENGTH),
                "packages", packages.stream()
                        .map(item -> Map.of("package_name", item.get(0), "package_version", item.get(1)))
                        .toList()));
        return EventLoader.loadApiGatewayRestEvent("events/post-ec2-info.json")
                .withPathParameters(Map.of(InventoryRoute.AWS_INSTANCE_ID, instanceId))
                .withBody(body);
    }

    private static List<List<String>> storedPackages(String instanceId) throws SQLException {
        try (Connection connection = cluster.database.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT package_name, package_version FROM ec2_package WHERE aws_instance_id = ?")) {
            select.setString(1, instanceId);
            List<List<String>> stored = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(List.of(rows.getString(1), rows.getString(2)));
                }
            }
            return stored;
        }
    }
}
