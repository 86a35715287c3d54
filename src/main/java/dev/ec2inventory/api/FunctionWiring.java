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
 */
public final class FunctionWiring {

    private final Inventory inventory;
    private final Responder responder;

    /** For tests, and {@link #from}: parts built elsewhere. */
    FunctionWiring(Inventory inventory, Responder responder) {
        this.inventory = inventory;
        this.responder = responder;
    }

    /** Lambda's wiring: built from {@code System.getenv()}, once per JVM, on first use. */
    static FunctionWiring ofThisEnvironment() {
        return ThisEnvironment.WIRING;
    }

    /** The repository over a Data API client with the default retry budget, and a responder to Lambda's logger. */
    static FunctionWiring from(Map<String, String> environment) {
        Settings settings = Settings.read(environment);
        JooqDataApi dataApi = new JooqDataApi(
                DataApiClients.forFunction(settings.awsRegion(), settings.dataApiEndpoint(), RetryBudget.DEFAULT),
                new DataApiTarget(settings.dbClusterArn(), settings.dbSecretArn(), settings.dbName()));
        InventoryRepository repository = new InventoryRepository(dataApi);
        return new FunctionWiring(repository, lambdaLoggerResponder(settings.logLevel()));
    }

    Inventory inventory() {
        return inventory;
    }

    Responder responder() {
        return responder;
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

    /**
     * The JVM's one wiring: class initialisation builds it once, safely across threads, when a no-arg handler
     * constructor first asks for it (in Lambda's init phase).
     */
    private static final class ThisEnvironment {

        static final FunctionWiring WIRING = from(System.getenv());
    }
}
