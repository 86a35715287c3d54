package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dev.ec2inventory.dataapi.DataApiClients;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.RetryBudget;
import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryRepository;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What a function needs, built once per execution environment: the inventory and the responder. The environment
 * variables are read here and nowhere else, and this is the only class of the {@code api} package that knows the
 * Data API exists.
 *
 * <p>{@link #prepare()} is the one cold-start preparation step; SnapStart priming calls it from a
 * {@code beforeCheckpoint}.
 */
public final class FunctionWiring {

    private final Inventory inventory;
    private final Responder responder;
    private final Runnable statementRehearsal;

    /** For tests: parts built elsewhere, with no statements of their own to rehearse. */
    FunctionWiring(Inventory inventory, Responder responder) {
        this(inventory, responder, () -> { });
    }

    private FunctionWiring(Inventory inventory, Responder responder, Runnable statementRehearsal) {
        this.inventory = inventory;
        this.responder = responder;
        this.statementRehearsal = statementRehearsal;
    }

    /** Lambda's wiring: built from {@code System.getenv()} and prepared, once per JVM, on first use. */
    static FunctionWiring ofThisEnvironment() {
        return ThisEnvironment.WIRING;
    }

    /** The repository over a Data API client with the default retry budget, and a responder to Lambda's logger. */
    static FunctionWiring from(Map<String, String> environment) {
        Settings settings = Settings.read(environment);
        JooqDataApi dataApi = new JooqDataApi(
                DataApiClients.create(settings.awsRegion(), settings.dataApiEndpoint(), RetryBudget.DEFAULT),
                new DataApiTarget(settings.dbClusterArn(), settings.dbSecretArn(), settings.dbName()));
        InventoryRepository repository = new InventoryRepository(dataApi);
        return new FunctionWiring(repository, lambdaLoggerResponder(settings.logLevel()),
                repository::prepareStatements);
    }

    Inventory inventory() {
        return inventory;
    }

    Responder responder() {
        return responder;
    }

    /**
     * Loads and exercises the request path so the first request does not pay for it: renders every statement and
     * takes it through the SDK up to sending, and runs a sample request of every route over an inventory without a
     * database. It sends nothing over the network, keeps nothing per sandbox (no request id, credentials or random
     * seed), and may run any number of times.
     */
    public void prepare() {
        statementRehearsal.run();
        Preparation.runSampleRequests();
    }

    /**
     * Log lines go through the Lambda runtime's logger: one event per line in CloudWatch. Outside Lambda it prints
     * to standard output without a line break of its own, hence the one added.
     */
    private static Responder lambdaLoggerResponder(LogLevel logLevel) {
        LambdaLogger logger = LambdaRuntime.getLogger();
        return new Responder(new JsonLog(logLevel, line -> logger.log(line + "\n")));
    }

    /**
     * The function's configuration, as template.yaml sets it; the log level as Lambda sets it from the function's
     * {@code LoggingConfig}.
     *
     * @param dataApiEndpoint replaces the regional Data API endpoint: the local emulator, in local runs and benchmarks
     */
    record Settings(String dbName, String dbClusterArn, String dbSecretArn, String awsRegion,
            Optional<URI> dataApiEndpoint, LogLevel logLevel) {

        static Settings read(Map<String, String> environment) {
            return new Settings(
                    required(environment, "DB_NAME"),
                    required(environment, "DB_CLUSTER_ARN"),
                    required(environment, "DB_CRED_SECRETS_STORE_ARN"),
                    required(environment, "AWS_REGION"),
                    Optional.ofNullable(environment.get("DATA_API_ENDPOINT")).filter(value -> !value.isBlank())
                            .map(URI::create),
                    LogLevel.fromEnvironment(environment.get(LogLevel.VARIABLE)));
        }

        private static String required(Map<String, String> environment, String name) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("environment variable " + name + " is not set");
            }
            return value;
        }
    }

    /** The JVM's one wiring, built when a no-arg handler constructor first asks for it (Lambda's init phase). */
    private static final class ThisEnvironment {

        static final FunctionWiring WIRING = prepared(from(System.getenv()));

        private static FunctionWiring prepared(FunctionWiring wiring) {
            wiring.prepare();
            return wiring;
        }
    }
}
