package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ec2inventory.dataapi.DataApiClients;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.RetryBudget;
import dev.ec2inventory.dataapi.jooq.JooqDataApi;
import dev.ec2inventory.inventory.Inventory;
import dev.ec2inventory.inventory.InventoryRepository;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a function needs, built once per execution environment: the inventory and the log. The environment variables
 * are read here and nowhere else, and this is the only class of the {@code api} package that knows the Data API exists.
 */
public final class FunctionWiring {

    static final String LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";

    private final Inventory inventory;
    private final LambdaLogger logger;
    private final LogLevel threshold;

    /** For tests: parts built elsewhere. */
    FunctionWiring(Inventory inventory, LambdaLogger logger, LogLevel threshold) {
        this.inventory = inventory;
        this.logger = logger;
        this.threshold = threshold;
    }

    /** Lambda's wiring: built from {@code System.getenv()}, once per JVM, on first use. */
    static FunctionWiring ofThisEnvironment() {
        return ThisEnvironment.WIRING;
    }

    /** Public for hosts that are not Lambda, which hand each function the environment the template gives it. */
    public static FunctionWiring from(Map<String, String> environment) {
        Settings settings = Settings.read(environment);
        JooqDataApi dataApi = new JooqDataApi(
                DataApiClients.forFunction(settings.awsRegion(), settings.dataApiEndpoint(), RetryBudget.DEFAULT),
                new DataApiTarget(settings.dbClusterArn(), settings.dbSecretArn(), settings.dbName()));
        return new FunctionWiring(new InventoryRepository(dataApi), LambdaRuntime.getLogger(), settings.logLevel());
    }

    Inventory inventory() {
        return inventory;
    }

    /** Lines below {@code AWS_LAMBDA_LOG_LEVEL} are not even built. */
    boolean logs(LogLevel level) {
        return level.compareTo(threshold) >= 0;
    }

    /**
     * One JSON line. With {@code LogFormat: JSON} the runtime nests it as the {@code message} of its own line; the
     * level is repeated inside so that a local console shows it too.
     */
    void log(LogLevel level, String message, Map<String, Object> fields) {
        if (!logs(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level.name());
        line.put("message", message);
        line.putAll(fields);
        try {
            logger.log(StrictJson.MAPPER.writeValueAsString(line), level);
        } catch (JsonProcessingException impossible) {
            // Only strings and numbers go in; should Jackson still fail, the line must not take the request down.
            logger.log("{\"level\":\"ERROR\",\"message\":\"unloggable log line\"}", LogLevel.ERROR);
        }
    }

    /** @param dataApiEndpoint replaces the regional Data API endpoint: the local emulator, in local runs */
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
                    logLevel(environment.get(LOG_LEVEL)));
        }

        /** {@code INFO} when unset; anything else unknown is a configuration error, reported at init. */
        private static LogLevel logLevel(String value) {
            if (value == null || value.isBlank()) {
                return LogLevel.INFO;
            }
            EnumSet<LogLevel> levels = EnumSet.range(LogLevel.TRACE, LogLevel.FATAL);
            return levels.stream().filter(level -> level.name().equals(value.trim().toUpperCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(LOG_LEVEL
                            + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, not " + value));
        }

        private static String required(Map<String, String> environment, String name) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("environment variable " + name + " is not set");
            }
            return value;
        }
    }

    /** Class initialisation builds it once, thread-safely, when a handler's no-arg constructor first asks (at init). */
    private static final class ThisEnvironment {

        static final FunctionWiring WIRING = from(System.getenv());
    }
}
