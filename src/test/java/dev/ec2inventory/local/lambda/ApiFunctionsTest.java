package dev.ec2inventory.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ec2inventory.api.AddEc2InfoHandler;
import dev.ec2inventory.api.DeleteEc2InfoHandler;
import dev.ec2inventory.api.Ec2StateChangeLambda;
import dev.ec2inventory.api.GetEc2InfoHandler;
import dev.ec2inventory.api.GetPackageHandler;
import dev.ec2inventory.api.ListEc2InfoHandler;
import dev.ec2inventory.api.ReplaceEc2PackagesHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiFunctionsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "DB_NAME", "ec2_inventory",
            "DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory",
            "DB_CRED_SECRETS_STORE_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory",
            "AWS_REGION", "us-east-1");

    @Test
    void buildsEachHandlerOfTheApi() {
        for (Class<?> handler : List.of(AddEc2InfoHandler.class, GetEc2InfoHandler.class, DeleteEc2InfoHandler.class,
                ReplaceEc2PackagesHandler.class, ListEc2InfoHandler.class, GetPackageHandler.class,
                Ec2StateChangeLambda.class)) {
            assertThat(ApiFunctions.create(handler.getName(), ENVIRONMENT)).isInstanceOf(handler);
        }
    }

    @Test
    void refusesAClassThatIsNotAHandlerOfTheApi() {
        assertThatThrownBy(() -> ApiFunctions.create("dev.ec2inventory.local.fixtures.EchoHandler", ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.ec2inventory.local.fixtures.EchoHandler is not a function of this API: its functions"
                        + " are the classes of dev.ec2inventory.api built from a FunctionWiring");
        assertThatThrownBy(() -> ApiFunctions.create("dev.ec2inventory.api.FunctionWiring", ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Building a function calls nothing, so its init phase never wakes a paused database. The endpoint listens but
     * never answers: a request sent there would leave a connection waiting in its backlog.
     */
    @Test
    void buildingAFunctionSendsNothing() throws IOException {
        try (ServerSocketChannel dataApi = ServerSocketChannel.open()) {
            dataApi.bind(new InetSocketAddress("127.0.0.1", 0));
            dataApi.configureBlocking(false);
            Map<String, String> environment = new HashMap<>(ENVIRONMENT);
            environment.put("DATA_API_ENDPOINT", "http://127.0.0.1:" + dataApi.socket().getLocalPort());
            ApiFunctions.create(AddEc2InfoHandler.class.getName(), environment);
            ApiFunctions.create(Ec2StateChangeLambda.class.getName(), environment);

            assertThat(dataApi.accept()).as("a connection to the Data API").isNull();
        }
    }
}
