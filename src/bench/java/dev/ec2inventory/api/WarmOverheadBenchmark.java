package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.ec2inventory.bench.InMemoryRdsDataClient;
import dev.ec2inventory.bench.Requests;
import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryRepository;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 3: a warm function's own work per request (parsing, validation, jOOQ rendering, translation to and from the
 * Data API's types, the response JSON and the log line), with the Data API answered in memory. It lives in the
 * handlers' package to build them over that client through their package-private constructor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmOverheadBenchmark {

    private GetEc2InfoHandler get;
    private AddEc2InfoHandler add;
    private APIGatewayProxyRequestEvent getRequest;
    private APIGatewayProxyRequestEvent post3;
    private APIGatewayProxyRequestEvent post1000;

    @Setup(Level.Trial)
    public void buildHandlers() {
        Inventory inventory = new InventoryRepository(new JooqDataApi(new DataApiClient(new InMemoryRdsDataClient()),
                new DataApiTarget("arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory-bench",
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory-bench", "ec2_inventory_db")));
        // INFO, as deployed: the request's log line is formatted, and then dropped instead of printed.
        FunctionWiring wiring = new FunctionWiring(inventory, new DroppedLines(), LogLevel.INFO);
        get = new GetEc2InfoHandler(wiring);
        add = new AddEc2InfoHandler(wiring);
        getRequest = Requests.get("i-01aaae43feb712345");
        post3 = Requests.post("i-01aaae43feb712345", 3);
        post1000 = Requests.post("i-01aaae43feb712345", 1_000);
    }

    @Benchmark
    public APIGatewayProxyResponseEvent get() {
        return answered(get.handleRequest(getRequest, null));
    }

    @Benchmark
    public APIGatewayProxyResponseEvent post3Packages() {
        return answered(add.handleRequest(post3, null));
    }

    @Benchmark
    public APIGatewayProxyResponseEvent post1000Packages() {
        return answered(add.handleRequest(post1000, null));
    }

    private static APIGatewayProxyResponseEvent answered(APIGatewayProxyResponseEvent response) {
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("the function answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response;
    }

    /** Where the benchmark's log lines go: nowhere, once formatted. */
    private static final class DroppedLines implements LambdaLogger {

        @Override
        public void log(String message) {
            // dropped
        }

        @Override
        public void log(byte[] message) {
            // dropped
        }
    }
}
