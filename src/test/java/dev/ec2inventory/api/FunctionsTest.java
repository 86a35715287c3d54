package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionsTest {

    private static final Map<String, String> ENVIRONMENT = FunctionWiringTest.ENVIRONMENT;

    @Test
    void buildsEachHandlerOfTheApi() {
        assertThat(Functions.create(AddEc2InfoHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(AddEc2InfoHandler.class);
        assertThat(Functions.create(GetEc2InfoHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(GetEc2InfoHandler.class);
        assertThat(Functions.create(DeleteEc2InfoHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(DeleteEc2InfoHandler.class);
        assertThat(Functions.create(ReplaceEc2PackagesHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(ReplaceEc2PackagesHandler.class);
        assertThat(Functions.create(ListEc2InfoHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(ListEc2InfoHandler.class);
        assertThat(Functions.create(GetPackageHandler.class.getName(), ENVIRONMENT))
                .isInstanceOf(GetPackageHandler.class);
        assertThat(Ec2StateChangeLambda.create(ENVIRONMENT)).isNotNull();
    }

    @Test
    void refusesAClassThatIsNotAHandlerOfTheApi() {
        assertThatThrownBy(() -> Functions.create("dev.ec2inventory.local.fixtures.EchoHandler", ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.ec2inventory.local.fixtures.EchoHandler is not a handler of this API; the handlers are"
                        + " [dev.ec2inventory.api.AddEc2InfoHandler, dev.ec2inventory.api.DeleteEc2InfoHandler,"
                        + " dev.ec2inventory.api.GetEc2InfoHandler, dev.ec2inventory.api.GetPackageHandler,"
                        + " dev.ec2inventory.api.ListEc2InfoHandler, dev.ec2inventory.api.ReplaceEc2PackagesHandler]");
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
            Functions.create(AddEc2InfoHandler.class.getName(), environment);
            Ec2StateChangeLambda.create(environment);

            assertThat(dataApi.accept()).as("a connection to the Data API").isNull();
        }
    }
}
