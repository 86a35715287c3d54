package dev.ec2inventory.local.stack;

import dev.ec2inventory.local.cfn.CreateEvents;
import dev.ec2inventory.local.cfn.ResponseCapture;
import dev.ec2inventory.local.dataapi.DataApiEmulator;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.docs.ApiDocsPages;
import dev.ec2inventory.local.gateway.ApiGatewayServer;
import dev.ec2inventory.local.lambda.ApiFunctions;
import dev.ec2inventory.local.lambda.ConsoleLambdaLogger;
import dev.ec2inventory.local.lambda.LocalContext;
import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.lambda.MigrationFunctions;
import dev.ec2inventory.local.sam.ApiRoute;
import dev.ec2inventory.local.sam.LocalEnvironment;
import dev.ec2inventory.local.sam.SamFunction;
import dev.ec2inventory.local.sam.SamTemplate;
import dev.ec2inventory.migration.SchemaMigrationFunction;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The whole API on one machine: a MySQL-compatible database, the Data API emulator in front of it (through which
 * the schema is migrated, as on AWS), every function of template.yaml hosted in this JVM, and (optionally) API
 * Gateway's REST proxy in front of the functions. Parts stop in reverse order of starting.
 */
public final class LocalStack implements AutoCloseable {

    /** The template's Timeout of SchemaMigrationFunction. */
    private static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(15);

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
                .cluster(LocalCluster.applicationUser(database.server(), database.database()))
                .port(options.dataApiPort());
        options.autoPause().ifPresent(emulatorSettings::autoPause);
        emulator = emulatorSettings.start();
        stops.push(emulator::close);
        useLocalCredentialsForHostedFunctions();
        SamTemplate template = SamTemplate.read(options.template());
        migrateThroughTheEmulator(template, console);

        if (options.scope() == LocalStackOptions.Scope.DATA_API) {
            return;
        }
        stage = template.apiStageName().orElse("local");
        functions = loadFunctions(template, console);
        if (options.scope() == LocalStackOptions.Scope.API) {
            gateway = ApiGatewayServer.start(options.apiPort(), routes(), stage, console);
            stops.push(gateway::close);
            ApiDocsPages.serveBeside(options.template(), gateway, console);
        }
    }

    /**
     * Migrates as a deployment does: the template's migration function, handed the Create event CloudFormation would
     * send, its answer PUT to a local stand-in for the ResponseURL. The database has to exist already, since every
     * Data API call names it; {@link DatabaseSource#open} created it over JDBC. The function waits out a simulated
     * resume as it waits out a real one.
     */
    private void migrateThroughTheEmulator(SamTemplate template, Consumer<String> console) {
        console.accept("applying the Flyway migrations in db/migration to " + database.database()
                + " with SchemaMigrationFunction (a Create of InventorySchema), through the Data API emulator");
        SamFunction migration = template.functions().stream()
                .filter(function -> function.handler().className().equals(SchemaMigrationFunction.class.getName()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the template has no function whose "
                        + "handler is " + SchemaMigrationFunction.class.getName()));
        try (ResponseCapture capture = ResponseCapture.start()) {
            var handler = MigrationFunctions.create(localEnvironment(template, migration));
            URI responseUrl = capture.newResponseUrl();
            LocalContext context = new LocalContext(UUID.randomUUID().toString(), "SchemaMigrationFunction", 1024,
                    Instant.now().plus(MIGRATION_TIMEOUT), new ConsoleLambdaLogger("SchemaMigrationFunction", console));
            handler.handleRequest(CreateEvents.create(responseUrl), context);
            String answer = capture.body(responseUrl).orElseThrow(
                    () -> new IllegalStateException("SchemaMigrationFunction sent no answer"));
            if (!answer.contains("\"Status\":\"SUCCESS\"")) {
                throw new IllegalStateException("the migration failed; CloudFormation would have received " + answer);
            }
        }
    }

    /** What only AWS has: the endpoints (the emulator's, for the Data API and for Secrets Manager) and the region. */
    private Map<String, String> localEndpoints() {
        return Map.of(
                "DATA_API_ENDPOINT", emulator.endpoint().toString(),
                "SECRETS_MANAGER_ENDPOINT", emulator.endpoint().toString(),
                "AWS_REGION", LocalCluster.REGION);
    }

    /** The database stack's exports, so that each function gets the secret the template gives it. */
    private Map<String, String> databaseStackExports() {
        return Map.of(
                "DatabaseName", database.database(),
                "DatabaseClusterArn", LocalCluster.RESOURCE_ARN,
                "DatabaseSecretArn", LocalCluster.SECRET_ARN,
                "DatabaseAppSecretArn", LocalCluster.APP_SECRET_ARN);
    }

    private Map<String, LocalFunction> loadFunctions(SamTemplate template, Consumer<String> console) {
        Map<String, LocalFunction> loaded = new LinkedHashMap<>();
        for (SamFunction function : template.functions()) {
            loaded.put(function.logicalId(), LocalFunction.load(function, LocalStack::handler,
                    localEnvironment(template, function), console));
        }
        return loaded;
    }

    /** The function's environment as the template gives it, with the local stack's endpoints and exports. */
    private Map<String, String> localEnvironment(SamTemplate template, SamFunction function) {
        return LocalEnvironment.resolve(template, function, databaseStackExports(), localEndpoints());
    }

    /** The API's functions come from {@link ApiFunctions}; the migration custom resource has a factory of its own. */
    private static Object handler(String handlerClass, Map<String, String> environment) {
        if (handlerClass.equals(SchemaMigrationFunction.class.getName())) {
            return MigrationFunctions.create(environment);
        }
        return ApiFunctions.create(handlerClass, environment);
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
