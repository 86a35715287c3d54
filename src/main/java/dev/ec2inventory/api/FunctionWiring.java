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
 * <p>{@link #prepare()} is the one cold-start preparation step: Lambda's wiring runs it in the init phase.
 */
public final class FunctionWiring {

    private final Inventory inventory;
    private final Responder responder;
    /** The function's handler class, when Lambda names it: its route alone is prepared. */
    private final Optional<String> handler;

    /** For tests: parts built elsewhere. */
    FunctionWiring(Inventory inventory, Responder responder) {
        this(inventory, responder, Optional.empty());
    }

    private FunctionWiring(Inventory inventory, Responder responder, Optional<String> handler) {
        this.inventory = inventory;
        this.responder = responder;
        this.handler = handler;
    }

    /** Lambda's wiring: built from {@code System.getenv()} and prepared, once per JVM, on first use. */
    static FunctionWiring ofThisEnvironment() {
        return ThisEnvironment.WIRING;
    }

    /**
     * Built from {@code environment} and prepared, with the part of the preparation that needs no Data API client (the
     * function's statements rendered, its sample request answered) run beside the building of the client: jOOQ's and
     * Jackson's classes then load beside the SDK's where the init phase has two processors, and one after the other,
     * as before, where it has one. The preparation step that follows does that part again, in little time once the
     * classes are loaded. Both run on threads of their own ({@link PreparationThread}).
     *
     * <p>The threads run code of this class, not of {@link ThisEnvironment}: that class is still being initialised
     * while this runs, and a thread that needed it would wait for it forever.
     */
    static FunctionWiring preparedInParallel(Map<String, String> environment) {
        Optional<String> handler = Settings.read(environment).handler();
        PreparationThread<Void> clientless = PreparationThread.start("preparation", () -> {
            InventoryRepository.renderStatements(Preparation.operationsOf(handler));
            Preparation.runSampleRequests(handler);
            return null;
        });
        PreparationThread<FunctionWiring> wired = PreparationThread.start("wiring", () -> from(environment));
        clientless.await("preparing the function");
        FunctionWiring wiring = wired.await("wiring the function");
        wiring.prepare();
        return wiring;
    }

    /** The repository over a Data API client with the default retry budget, and a responder to Lambda's logger. */
    static FunctionWiring from(Map<String, String> environment) {
        Settings settings = Settings.read(environment);
        JooqDataApi dataApi = new JooqDataApi(
                DataApiClients.forFunction(settings.awsRegion(), settings.dataApiEndpoint(), RetryBudget.DEFAULT),
                new DataApiTarget(settings.dbClusterArn(), settings.dbSecretArn(), settings.dbName()));
        InventoryRepository repository = new InventoryRepository(dataApi);
        return new FunctionWiring(repository, lambdaLoggerResponder(settings.logLevel()), settings.handler());
    }

    Inventory inventory() {
        return inventory;
    }

    Responder responder() {
        return responder;
    }

    /**
     * Loads and exercises the request path so the first request does not pay for it: runs the function's sample
     * request over an inventory without a database. The function is the handler Lambda names in {@code _HANDLER};
     * where none is named (local hosts, tests), every route is prepared. It sends nothing over the network, keeps
     * nothing per sandbox (no request id, credentials or random seed), and may run any number of times. It runs on a
     * thread of its own while the caller waits ({@link PreparationThread}).
     */
    public void prepare() {
        PreparationThread.start("preparation", () -> {
            Preparation.runSampleRequests(handler);
            return null;
        }).await("preparing the function");
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
     * @param handler         the handler class of Lambda's {@code _HANDLER} ({@code Class::method}), where it is set
     */
    record Settings(String dbName, String dbClusterArn, String dbSecretArn, String awsRegion,
            Optional<URI> dataApiEndpoint, LogLevel logLevel, Optional<String> handler) {

        static Settings read(Map<String, String> environment) {
            return new Settings(
                    required(environment, "DB_NAME"),
                    required(environment, "DB_CLUSTER_ARN"),
                    required(environment, "DB_CRED_SECRETS_STORE_ARN"),
                    required(environment, "AWS_REGION"),
                    Optional.ofNullable(environment.get("DATA_API_ENDPOINT")).filter(value -> !value.isBlank())
                            .map(URI::create),
                    LogLevel.fromEnvironment(environment.get(LogLevel.VARIABLE)),
                    Optional.ofNullable(environment.get("_HANDLER")).filter(value -> !value.isBlank())
                            .map(value -> value.split("::", 2)[0]));
        }

        private static String required(Map<String, String> environment, String name) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("environment variable " + name + " is not set");
            }
            return value;
        }
    }

    /** The JVM's one wiring, built and prepared when a no-arg handler constructor first asks for it. */
    private static final class ThisEnvironment {

        static final FunctionWiring WIRING = preparedInParallel(System.getenv());
    }
}
