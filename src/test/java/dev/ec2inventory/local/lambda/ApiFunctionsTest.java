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
        assertThat(ApiFunctions.create(AddEc2InfoHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(AddEc2InfoHandler.class);
        assertThat(ApiFunctions.create(GetEc2InfoHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(GetEc2InfoHandler.class);
        assertThat(ApiFunctions.create(DeleteEc2InfoHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(DeleteEc2InfoHandler.class);
        assertThat(ApiFunctions.create(ReplaceEc2PackagesHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(ReplaceEc2PackagesHandler.class);
        assertThat(ApiFunctions.create(ListEc2InfoHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(ListEc2InfoHandler.class);
        assertThat(ApiFunctions.create(GetPackageHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(GetPackageHandler.class);
        assertThat(ApiFunctions.create(Ec2StateChangeLambda.class.getName(), ENVIRONMENT))
                .isInstanceOf(Ec2StateChangeLambda.class);
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
