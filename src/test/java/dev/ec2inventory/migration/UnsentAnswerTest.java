package dev.ec2inventory.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.ec2inventory.local.lambda.ConsoleLambdaLogger;
import dev.ec2inventory.local.lambda.LocalContext;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Powertools logs the pre-signed ResponseURL through SLF4J when an answer cannot be sent, and the functions deploy
 * an SLF4J provider (slf4j-simple, to stdout, which Lambda keeps). The deployed simplelogger.properties must keep
 * that line out. The test classpath has a simplelogger.properties of its own, so the function runs in a class loader
 * that finds the deployed classes and their configuration first, with an SLF4J of its own, as on Lambda.
 */
class UnsentAnswerTest {

    private static final String SIGNATURE = "X-Amz-Signature=4111feedface";

    @Test
    @SuppressWarnings("unchecked")
    void theResponseUrlReachesNoLogWhenTheAnswerCannotBeSent() throws Exception {
        String responseUrl = "http://127.0.0.1:" + closedPort() + "/stack-answer?X-Amz-Expires=7200&" + SIGNATURE;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        List<String> lambdaLog;
        try (URLClassLoader deployed = deployedFirst(); PrintStream capture = new PrintStream(console, true, UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            // slf4j-simple reads its configuration through the context class loader, as it does on Lambda.
            thread.setContextClassLoader(deployed);
            lambdaLog = (List<String>) deployed.loadClass(Delete.class.getName()).getMethod("answer", String.class)
                    .invoke(null, responseUrl);
        } finally {
            thread.setContextClassLoader(caller);
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(lambdaLog).anyMatch(line -> line.contains("answer could not be sent to CloudFormation"))
                .noneMatch(line -> line.contains(SIGNATURE));
        assertThat(console.toString(UTF_8)).doesNotContain(SIGNATURE);
    }

    /** Runs inside the class loader of {@link #deployedFirst()}: only JDK types cross its boundary. */
    public static final class Delete {

        private Delete() {
        }

        public static List<String> answer(String responseUrl) {
            SchemaMigrationFunction function = new SchemaMigrationFunction(MigrationSettings.from(Map.of(
                    "DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory-local",
                    "DB_CRED_SECRETS_STORE_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:local",
                    "DB_NAME", "inventory")), SchemaMigration.LOCATION);
            CloudFormationCustomResourceEvent event = CloudFormationCustomResourceEvent.builder()
                    .withRequestType("Delete").withResponseUrl(responseUrl)
                    .withStackId("arn:aws:cloudformation:us-east-1:123456789012:stack/ec2-inv-api/local")
                    .withRequestId("cfn-request").withLogicalResourceId("InventorySchema")
                    .withPhysicalResourceId("ec2-inventory-local/inventory")
                    .withResourceType("Custom::InventorySchema").build();
            List<String> lines = new ArrayList<>();
            function.handleRequest(event, new LocalContext("lambda-request", "SchemaMigrationFunction", 1024,
                    Instant.now().plusSeconds(60), new ConsoleLambdaLogger("SchemaMigrationFunction", lines::add)));
            return lines;
        }
    }

    /** The test classpath with the deployed classes directory first, delegating to no application class loader. */
    private static URLClassLoader deployedFirst() throws Exception {
        Path deployed = Path.of(SchemaMigrationFunction.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        Stream<Path> rest = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).filter(entry -> !entry.equals(deployed));
        URL[] urls = Stream.concat(Stream.of(deployed), rest).map(UnsentAnswerTest::url).toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry.toString(), e);
        }
    }

    /** A loopback port nothing listens on: the PUT is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
