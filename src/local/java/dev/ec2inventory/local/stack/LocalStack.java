package dev.ec2inventory.local.stack;

import dev.ec2inventory.api.Ec2StateChangeLambda;
import dev.ec2inventory.api.Functions;
import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.jdbc.DataApiDataSource;
import dev.ec2inventory.dataapi.jdbc.DataApiUrl;
import dev.ec2inventory.local.dataapi.AutoPause;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.db.SchemaMigrations;
import dev.ec2inventory.local.docs.ApiDocsPages;
import dev.ec2inventory.local.gateway.ApiGatewayServer;
import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.sam.ApiRoute;
import dev.ec2inventory.local.sam.LocalEnvironment;
import dev.ec2inventory.local.sam.SamFunction;
import dev.ec2inventory.local.sam.SamTemplate;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.flywaydb.core.api.output.MigrateResult;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;

/**
 * The whole API on one machine: a MySQL-compatible database, the Data API emulator in front of it (through which
 * the schema is migrated, as on AWS), every function of template.yaml hosted in this JVM, and (optionally) API
 * Gateway's REST proxy in front of the functions. Parts stop in reverse order of starting.
 */
public final class LocalStack implements AutoCloseable {

    /** How often the start-up migration asks again while the emulated database resumes. */
    private static final Duration RESUME_POLL = Duration.ofMillis(100);

    private final Deque<Runnable> stops = new ArrayDeque<>();
    private DatabaseSource.OpenDatabase database;
    private DataApiEmulator emulator;
    private Map<String, LocalFunction> functions = Map.of();
    private ApiGatewayServer gateway;
    private String stage;

    private LocalStack() {
    }

    /** Starts every part; when one fails, those already started are stopped before the failure is thrown. */
    public static LocalStack start(LocalStackOptions options) {
        LocalStack stack = new LocalStack();
        try {
            stack.startParts(options);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startParts(LocalStackOptions options) {
        var console = options.console();
        database = options.database().open(console);
        stops.push(database.stop());

        DataApiEmulator.Builder emulatorSettings = DataApiEmulator.builder()
                .cluster(LocalCluster.on(database.server(), database.database()))
                .port(options.dataApiPort());
        options.autoPause().ifPresent(emulatorSettings::autoPause);
        emulator = emulatorSettings.start();
        stops.push(emulator::close);
        migrateThroughTheEmulator(console, options.autoPause());

        if (options.scope() == LocalStackOptions.Scope.DATA_API) {
            return;
        }
        SamTemplate template = SamTemplate.read(options.template());
        stage = template.apiStageName().orElse("local");
        functions = loadFunctions(template, console);
        if (options.scope() == LocalStackOptions.Scope.API) {
            gateway = ApiGatewayServer.start(options.apiPort(), routes(), stage, console);
            stops.push(gateway::close);
            ApiDocsPages.serveBeside(options.template(), gateway, console);
        }
    }

    /**
     * Applies the migrations as {@code migrate} applies them on AWS: with Flyway, through the Data API driver, here
     * against the stack's own emulator. The database has to exist already, since every Data API call names it;
     * {@link DatabaseSource#open} created it over JDBC.
     */
    private void migrateThroughTheEmulator(Consumer<String> console, Optional<AutoPause> autoPause) {
        console.accept("applying the Flyway migrations in " + SchemaMigrations.DIRECTORY + " to " + database.database()
                + " through the Data API emulator");
        DataApiUrl url = new DataApiUrl(new DataApiTarget(LocalCluster.RESOURCE_ARN, LocalCluster.SECRET_ARN,
                database.database()), Optional.of(emulator.endpoint()), Optional.of(LocalCluster.REGION));
        try (DataApiClient client = new DataApiClient(migrationClient(autoPause))) {
            MigrateResult result = SchemaMigrations.migrate(new DataApiDataSource(url, client), console);
            console.accept("  " + SchemaMigrations.describe(result));
        }
    }

    /**
     * With the auto-pause simulation on, the stack's own migration waits out a resume (as the deployed migration
     * will), so that a short {@code --auto-pause-after} cannot fail the start-up.
     */
    private RdsDataClient migrationClient(Optional<AutoPause> autoPause) {
        return LocalCluster.clientBuilder(emulator.endpoint())
                .overrideConfiguration(config -> autoPause.ifPresent(
                        settings -> config.retryStrategy(waitingOutResumes(settings))))
                .build();
    }

    /** Asks again every {@link #RESUME_POLL} while the database resumes, for the resume time and a little more. */
    static RetryStrategy waitingOutResumes(AutoPause settings) {
        return StandardRetryStrategy.builder()
                .maxAttempts((int) Math.min(10_000, settings.resumeTakes().dividedBy(RESUME_POLL) + 3))
                .retryOnException(DatabaseResumingException.class)
                // fixedDelay would jitter the wait down to anything from zero up.
                .backoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(RESUME_POLL))
                .circuitBreakerEnabled(false)
                // Only resumes: the SDK's defaults would also retry a 5xx, after which a statement may have run.
                .useClientDefaults(false)
                .build();
    }

    private Map<String, LocalFunction> loadFunctions(SamTemplate template, Consumer<String> console) {
        useLocalCredentialsForHostedFunctions();
        Map<String, String> localDataApi = Map.of(
                "DB_NAME", database.database(),
                "DB_CLUSTER_ARN", LocalCluster.RESOURCE_ARN,
                "DB_CRED_SECRETS_STORE_ARN", LocalCluster.SECRET_ARN,
                "DATA_API_ENDPOINT", emulator.endpoint().toString(),
                "AWS_REGION", LocalCluster.REGION);
        Map<String, LocalFunction> loaded = new LinkedHashMap<>();
        for (SamFunction function : template.functions()) {
            Map<String, String> environment = LocalEnvironment.resolve(template, function, localDataApi);
            loaded.put(function.logicalId(), LocalFunction.load(function, LocalStack::handler, environment, console));
        }
        return loaded;
    }

    /** The API's handlers come from {@link Functions}; the EventBridge function has its own factory. */
    private static Object handler(String handlerClass, Map<String, String> environment) {
        return handlerClass.equals(Ec2StateChangeLambda.class.getName()) ? Ec2StateChangeLambda.create(environment)
                : Functions.create(handlerClass, environment);
    }

    /**
     * The hosted functions build their Data API clients with the SDK's default credentials chain, as on Lambda. The
     * emulator accepts any signature, so the chain is given placeholder keys at its first link (system properties):
     * it then never reaches for the user's real credentials, nor fails on a machine that has none. Commands that
     * talk to real AWS (migrate) do not start functions and so keep the user's chain.
     */
    private static void useLocalCredentialsForHostedFunctions() {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    private Map<ApiRoute, LocalFunction> routes() {
        Map<ApiRoute, LocalFunction> routes = new LinkedHashMap<>();
        functions.values().forEach(function -> function.definition().routes().forEach(route -> routes.put(route, function)));
        return routes;
    }


    public Optional<URI> apiEndpoint() {
        return Optional.ofNullable(gateway).map(ApiGatewayServer::endpoint);
    }

    public URI dataApiEndpoint() {
        return emulator.endpoint();
    }

    public DataApiEmulator emulator() {
        return emulator;
    }

    public String databaseDescription() {
        return database.description();
    }

    public String databaseName() {
        return database.database();
    }

    public String stage() {
        return stage;
    }

    public List<LocalFunction> functions() {
        return List.copyOf(functions.values());
    }

    public Optional<LocalFunction> function(String logicalId) {
        return Optional.ofNullable(functions.get(logicalId));
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!stops.isEmpty()) {
            try {
                stops.pop().run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
