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
 * The function's configuration, read from its environment in this one place, and what it builds once per cold start.
 * It is the only class of the {@code api} package that knows the Data API translator exists.
 *
 * @param dataApiEndpoint replaces the regional Data API endpoint: the local emulator, in local runs and benchmarks
 */
record FunctionEnvironment(String dbName, String dbClusterArn, String dbSecretArn, String awsRegion,
        Optional<URI> dataApiEndpoint, LogLevel logLevel) {

    static FunctionEnvironment from(Map<String, String> environment) {
        return new FunctionEnvironment(
                required(environment, "DB_NAME"),
                required(environment, "DB_CLUSTER_ARN"),
                required(environment, "DB_CRED_SECRETS_STORE_ARN"),
                required(environment, "AWS_REGION"),
                Optional.ofNullable(environment.get("DATA_API_ENDPOINT")).filter(value -> !value.isBlank())
                        .map(URI::create),
                LogLevel.fromEnvironment(environment.get("LOG_LEVEL")));
    }

    /** The repository over a Data API client with the default retry budget, its statements already rendered once. */
    Inventory connectInventory() {
        JooqDataApi dataApi = new JooqDataApi(DataApiClients.create(awsRegion, dataApiEndpoint, RetryBudget.DEFAULT),
                new DataApiTarget(dbClusterArn, dbSecretArn, dbName));
        InventoryRepository repository = new InventoryRepository(dataApi);
        repository.prepareStatements();
        return repository;
    }

    /**
     * Log lines go through the Lambda runtime's logger: one event per line in CloudWatch. Outside Lambda it prints
     * to standard output without a line break of its own, hence the one added.
     */
    Responder responder() {
        LambdaLogger logger = LambdaRuntime.getLogger();
        return new Responder(new JsonLog(logLevel, line -> logger.log(line + "\n")));
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
