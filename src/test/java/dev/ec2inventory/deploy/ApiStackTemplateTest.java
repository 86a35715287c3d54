package dev.ec2inventory.deploy;

import static dev.ec2inventory.deploy.CloudFormationTemplate.oneOrMany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ec2inventory.local.aot.SampleInvocations;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks template.yaml, the API stack, against the code it deploys and the requirements. */
class ApiStackTemplateTest {

    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.read("template.yaml");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String ROUTE_PATH = "/ec2/{aws_instance_id}";

    /** Which handler class serves which route: the seed's API contract and issue 11's routes. */
    private static final Map<String, String> HANDLER_BY_ROUTE = Map.of(
            "POST " + ROUTE_PATH, "dev.ec2inventory.api.AddEc2InfoHandler",
            "GET " + ROUTE_PATH, "dev.ec2inventory.api.GetEc2InfoHandler",
            "DELETE " + ROUTE_PATH, "dev.ec2inventory.api.DeleteEc2InfoHandler",
            "PUT " + ROUTE_PATH + "/packages", "dev.ec2inventory.api.ReplaceEc2PackagesHandler",
            "GET /ec2", "dev.ec2inventory.api.ListEc2InfoHandler",
            "GET /packages/{package_name}", "dev.ec2inventory.api.GetPackageHandler");

    /** The function EventBridge invokes, with no route. */
    private static final String STATE_CHANGE_FUNCTION = "Ec2StateChangeLambda";

    /**
     * Least privilege: the functions that write in transactions may begin, commit and roll back; the others send
     * single statements (GET is one SELECT). The migration runs every statement on its own, as master.
     */
    private static final Map<String, String> POLICY_BY_FUNCTION = Map.of(
            "AddEC2InfoLambda", "InventoryDatabaseAccess",
            "GetEC2InfoLambda", "InventoryStatementAccess",
            SchemaStackTemplateTest.MIGRATION_FUNCTION, "SchemaMigrationDatabaseAccess",
            "ReplaceEC2PackagesLambda", "InventoryDatabaseAccess",
            "DeleteEC2InfoLambda", "InventoryStatementAccess",
            "ListEC2InfoLambda", "InventoryStatementAccess",
            "GetPackageLambda", "InventoryStatementAccess",
            STATE_CHANGE_FUNCTION, "InventoryStatementAccess");

    /**
     * The environment variables the deployed code reads (its configuration class reads them in one
     * place). AWS_REGION and AWS_LAMBDA_LOG_LEVEL are read too, but Lambda sets them (the second from the
     * function's LoggingConfig) and rejects functions that set them themselves.
     */
    private static final Set<String> VARIABLES_THE_CODE_READS =
            Set.of("DB_NAME", "DB_CLUSTER_ARN", "DB_CRED_SECRETS_STORE_ARN");

    private static final List<String> DATA_API_ACTIONS = List.of(
            "rds-data:ExecuteStatement",
            "rds-data:BeginTransaction",
            "rds-data:CommitTransaction",
            "rds-data:RollbackTransaction");

    /** X-Ray's write actions, which no resource scopes: the only ones granted on {@code *}. */
    private static final Set<String> XRAY_WRITE_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private final Map<String, JsonNode> functions = TEMPLATE.resources("AWS::Serverless::Function");

    @Test
    void everyHandlerNamesAPublicHandleRequestOfAClassOnTheClasspath() {
        assertThat(functions).containsOnlyKeys(POLICY_BY_FUNCTION.keySet());
        invokedFunctions().forEach((logicalId, function) -> {
            boolean api = !logicalId.equals(STATE_CHANGE_FUNCTION);
            String handler = TEMPLATE.handler(function);
            String[] classAndMethod = handler.split("::");
            assertThat(classAndMethod).as("%s Handler %s", logicalId, handler).hasSize(2);
            Class<?> handlerClass = loadWithoutInitializing(classAndMethod[0], logicalId);

            assertThat(RequestHandler.class).as("%s implements RequestHandler", handlerClass)
                    .isAssignableFrom(handlerClass);
            assertThat(Modifier.isAbstract(handlerClass.getModifiers())).as("%s is abstract", handlerClass).isFalse();
            assertThat(publicNoArgConstructor(handlerClass)).as("%s has a public no-arg constructor, which Lambda calls",
                    handlerClass).isTrue();
            Method method = publicMethod(handlerClass, classAndMethod[1],
                    api ? APIGatewayProxyRequestEvent.class : Map.class, Context.class);
            assertThat(method.getReturnType()).as("%s return type", handler)
                    .isEqualTo(api ? APIGatewayProxyResponseEvent.class : Map.class);
        });
    }

    @Test
    void eachRouteCallsTheIntendedHandler() {
        Map<String, String> handlerByRoute = new TreeMap<>();
        functions.forEach((logicalId, function) -> apiEvents(function).forEach(event -> {
            String route = route(event);
            String handlerClass = TEMPLATE.handler(function).split("::")[0];
            assertThat(handlerByRoute.put(route, handlerClass)).as("second function on %s", route).isNull();
        }));

        assertThat(handlerByRoute).isEqualTo(new TreeMap<>(HANDLER_BY_ROUTE));
    }

    @Test
    void everyRouteTakesItsAuthorizationFromTheApiAuthParameterWhichDefaultsToIam() {
        JsonNode apiAuth = TEMPLATE.parameter("ApiAuth");
        assertThat(apiAuth.path("Default").asText()).isEqualTo("AWS_IAM");
        assertThat(texts(apiAuth.path("AllowedValues"))).containsExactlyInAnyOrder("AWS_IAM", "NONE");

        JsonNode api = TEMPLATE.resource("EC2InventoryAPI").path("Properties");
        assertThat(api.path("MergeDefinitions").asBoolean()).as("SAM merges the events' integrations").isTrue();
        assertThat(api.path("AlwaysDeploy").asBoolean()).as("a new ApiAuth value reaches the stage").isTrue();
        Map<String, JsonNode> authByRoute = new TreeMap<>();
        api.path("DefinitionBody").path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> authByRoute.put(
                        operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        operation.getValue().path("x-amazon-apigateway-auth").path("type"))));

        // An event without an operation here would deploy unauthenticated; an operation without an event
        // would have no integration, which API Gateway refuses.
        assertThat(authByRoute).containsOnlyKeys(HANDLER_BY_ROUTE.keySet());
        authByRoute.forEach((route, authType) ->
                assertThat(authType).as("authorization of %s", route).isEqualTo(ref("ApiAuth")));
        functions.values().forEach(function -> apiEvents(function).forEach(event -> assertThat(
                event.path("Properties").path("RestApiId")).as("API of %s", route(event))
                .isEqualTo(ref("EC2InventoryAPI"))));
    }

    @Test
    void apiAuthNoneNeedsASecondExplicitParameter() {
        JsonNode consent = TEMPLATE.parameter("AllowUnauthenticatedApi");
        assertThat(consent.path("Default").asText()).isEqualTo("no");
        assertThat(texts(consent.path("AllowedValues"))).containsExactlyInAnyOrder("no", "yes");

        JsonNode rule = TEMPLATE.root().path("Rules").path("ApiAuthNeedsConsent");
        assertThat(rule.path("RuleCondition")).as("the rule holds unless consent is yes").isEqualTo(
                not(equalsOf(ref("AllowUnauthenticatedApi"), NODES.textNode("yes"))));
        assertThat(oneOrMany(rule.path("Assertions"))).extracting(assertion -> assertion.path("Assert"))
                .containsExactly(equalsOf(ref("ApiAuth"), NODES.textNode("AWS_IAM")));
    }

    @Test
    void theStageThrottlesEveryMethodAndLogsEachCallAsJsonWithTheCallersArn() throws Exception {
        JsonNode api = TEMPLATE.resource("EC2InventoryAPI").path("Properties");
        assertThat(TEMPLATE.parameter("ThrottlingBurstLimit").path("Default").asInt()).isEqualTo(50);
        assertThat(TEMPLATE.parameter("ThrottlingRateLimit").path("Default").asInt()).isEqualTo(25);
        assertThat(oneOrMany(api.path("MethodSettings"))).containsExactly(NODES.objectNode()
                .put("ResourcePath", "/*")
                .put("HttpMethod", "*")
                .setAll(Map.of("ThrottlingBurstLimit", ref("ThrottlingBurstLimit"),
                        "ThrottlingRateLimit", ref("ThrottlingRateLimit"))));

        JsonNode accessLog = api.path("AccessLogSetting");
        assertThat(texts(accessLog.path("DestinationArn").path("Fn::GetAtt")))
                .containsExactly("ApiAccessLogGroup", "Arn");
        assertThat(TEMPLATE.resource("ApiAccessLogGroup").path("Properties").path("RetentionInDays"))
                .isEqualTo(ref("LogRetentionInDays"));
        JsonNode format = new ObjectMapper().readTree(accessLog.path("Format").asText());
        assertThat(format.path("userArn").asText()).isEqualTo("$context.identity.userArn");
        assertThat(format.path("requestId").asText()).isEqualTo("$context.requestId");
        assertThat(format.path("httpMethod").asText()).isEqualTo("$context.httpMethod");
        assertThat(format.path("resourcePath").asText()).isEqualTo("$context.resourcePath");
        assertThat(format.path("status").asText()).isEqualTo("$context.status");
        assertThat(format.path("responseLatency").asText()).isEqualTo("$context.responseLatency");
    }

    @Test
    void everyFunctionGetsTheEnvironmentTheCodeReads() {
        functions.forEach((logicalId, function) -> {
            Map<String, JsonNode> environment = TEMPLATE.environment(function);
            assertThat(environment).as("environment of %s", logicalId)
                    .containsKeys(VARIABLES_THE_CODE_READS.toArray(String[]::new))
                    .doesNotContainKey("AWS_REGION")
                    .doesNotContainKey("AWS_LAMBDA_LOG_LEVEL")
                    .as("Lambda's LoggingConfig replaces LOG_LEVEL").doesNotContainKey("LOG_LEVEL")
                    // Only local runs point the code at another Data API endpoint.
                    .doesNotContainKey("DATA_API_ENDPOINT");
            assertThat(environment.get("DB_NAME")).isEqualTo(databaseExport("DatabaseName"));
            assertThat(environment.get("DB_CLUSTER_ARN")).isEqualTo(databaseExport("DatabaseClusterArn"));
        });
    }

    /** Issue 20: the API's functions sign in as the application user; the migration as master, to set that user up. */
    @Test
    void eachFunctionSignsInWithItsSecretAndOnlyTheMigrationReadsTheApplicationUsersPassword() {
        invokedFunctions().forEach((logicalId, function) -> {
            Map<String, JsonNode> environment = TEMPLATE.environment(function);
            assertThat(environment.get("DB_CRED_SECRETS_STORE_ARN")).as(logicalId)
                    .isEqualTo(databaseExport("DatabaseAppSecretArn"));
            assertThat(environment).as(logicalId).doesNotContainKey("DB_APP_SECRET_ARN");
        });
        Map<String, JsonNode> migration =
                TEMPLATE.environment(functions.get(SchemaStackTemplateTest.MIGRATION_FUNCTION));
        assertThat(migration.get("DB_CRED_SECRETS_STORE_ARN")).isEqualTo(databaseExport("DatabaseSecretArn"));
        assertThat(migration.get("DB_APP_SECRET_ARN")).isEqualTo(databaseExport("DatabaseAppSecretArn"));
    }

    /**
     * Neither by Globals nor by a policy of its role may a function other than the migration reach the master
     * secret. The text is searched, so that the export is found whichever intrinsic function spells it.
     */
    @Test
    void noFunctionButTheMigrationHasTheMasterSecretInItsEnvironmentOrItsPolicies() {
        functions.forEach((logicalId, function) -> {
            boolean migration = logicalId.equals(SchemaStackTemplateTest.MIGRATION_FUNCTION);
            assertThat(mentionTheMasterSecret(TEMPLATE.environment(function).values()))
                    .as("master secret in the environment of %s", logicalId).isEqualTo(migration);
            assertThat(mentionTheMasterSecret(TEMPLATE.rolePolicies(function)))
                    .as("master secret in the policies of %s's role", logicalId).isEqualTo(migration);
        });
    }

    private static boolean mentionTheMasterSecret(Collection<JsonNode> nodes) {
        return nodes.stream().anyMatch(node -> node.toString().contains("-DatabaseSecretArn"));
    }

    @Test
    void noIamStatementUsesAWildcardActionOrAWildcardResourceButXRaysWrites() {
        List<JsonNode> statements = iamStatements();
        assertThat(statements).isNotEmpty();
        statements.forEach(statement -> {
            assertThat(statement.has("NotAction")).as("NotAction in %s", statement).isFalse();
            assertThat(statement.has("NotResource")).as("NotResource in %s", statement).isFalse();
            assertThat(texts(statement.path("Action"))).as("actions of %s", statement).noneMatch(a -> a.contains("*"));
            if (!XRAY_WRITE_ACTIONS.containsAll(texts(statement.path("Action")))) {
                assertThat(oneOrMany(statement.path("Resource"))).as("resources of %s", statement)
                        .noneMatch(resource -> resource.isTextual() && resource.asText().contains("*"));
            }
        });
    }

    /**
     * Each function runs as a role of its own, so SAM generates none and attaches none of its managed policies
     * (AWSLambdaBasicExecutionRole writes to every log group): its own log group, traces, and its Data API policy.
     */
    @Test
    void everyFunctionHasARoleOfItsOwnThatWritesOnlyToItsLogGroupAndSendsTraces() {
        functions.forEach((logicalId, function) -> {
            JsonNode properties = function.path("Properties");
            assertThat(properties.has("Policies")).as("%s has SAM policies, which a Role ignores", logicalId).isFalse();
            assertThat(texts(properties.path("Role").path("Fn::GetAtt"))).as("role of %s", logicalId)
                    .containsExactly(logicalId + "Role", "Arn");
            JsonNode role = TEMPLATE.resource(logicalId + "Role");
            assertThat(role.path("Type").asText()).isEqualTo("AWS::IAM::Role");
            JsonNode trust = role.path("Properties").path("AssumeRolePolicyDocument").path("Statement");
            assertThat(oneOrMany(trust)).singleElement().satisfies(statement -> {
                assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("lambda.amazonaws.com");
                assertThat(texts(statement.path("Action"))).containsExactly("sts:AssumeRole");
            });
            assertThat(oneOrMany(role.path("Properties").path("ManagedPolicyArns"))).as("policies of %s", logicalId)
                    .containsExactly(ref(POLICY_BY_FUNCTION.get(logicalId)), ref("FunctionTracing"));

            String logGroup = properties.path("LoggingConfig").path("LogGroup").path("Ref").asText();
            List<JsonNode> inline = new ArrayList<>();
            oneOrMany(role.path("Properties").path("Policies")).forEach(policy ->
                    inline.addAll(oneOrMany(policy.path("PolicyDocument").path("Statement"))));
            assertThat(inline).as("inline statements of %s", logicalId).singleElement().satisfies(statement -> {
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                assertThat(texts(statement.path("Action")))
                        .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
                assertThat(texts(statement.path("Resource").path("Fn::GetAtt"))).containsExactly(logGroup, "Arn");
            });
        });
        assertThat(TEMPLATE.resources("AWS::IAM::Role")).hasSize(functions.size());

        List<JsonNode> tracing = oneOrMany(TEMPLATE.resource("FunctionTracing").path("Properties")
                .path("PolicyDocument").path("Statement"));
        assertThat(tracing).singleElement().satisfies(statement -> {
            assertThat(texts(statement.path("Action"))).containsExactlyInAnyOrderElementsOf(XRAY_WRITE_ACTIONS);
            assertThat(statement.path("Resource").asText()).as("X-Ray has no resource to scope to").isEqualTo("*");
        });
    }

    @Test
    void functionsMayOnlyUseTheDataApiOnTheClusterAndReadTheirSecrets() {
        JsonNode appSecret = databaseExport("DatabaseAppSecretArn");
        assertThat(grantsOf("InventoryDatabaseAccess")).isEqualTo(grants(DATA_API_ACTIONS, appSecret));
        assertThat(grantsOf("InventoryStatementAccess"))
                .isEqualTo(grants(List.of("rds-data:ExecuteStatement"), appSecret));
        // The migration signs in as master, and reads the application user's password to set it.
        assertThat(grantsOf("SchemaMigrationDatabaseAccess")).isEqualTo(
                grants(List.of("rds-data:ExecuteStatement"), databaseExport("DatabaseSecretArn"), appSecret));
    }

    /** Each action a managed policy grants, with the resources it grants it on. */
    private static Map<String, Set<JsonNode>> grantsOf(String policy) {
        Map<String, Set<JsonNode>> resourcesByAction = new HashMap<>();
        oneOrMany(TEMPLATE.resource(policy).path("Properties").path("PolicyDocument").path("Statement"))
                .forEach(statement -> {
                    assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                    texts(statement.path("Action")).forEach(action -> resourcesByAction
                            .computeIfAbsent(action, unused -> new HashSet<>())
                            .addAll(oneOrMany(statement.path("Resource"))));
                });
        return resourcesByAction;
    }

    /** The Data API actions on the cluster, and these secrets. */
    private static Map<String, Set<JsonNode>> grants(List<String> dataApiActions, JsonNode... secrets) {
        Map<String, Set<JsonNode>> expected = dataApiActions.stream()
                .collect(Collectors.toMap(action -> action, action -> Set.of(databaseExport("DatabaseClusterArn"))));
        expected.put("secretsmanager:GetSecretValue", Set.of(secrets));
        return expected;
    }

    @Test
    void functionsRunTheOneImageOnArm64WithTracingAndATimeoutForADatabaseResume() {
        functions.forEach((logicalId, function) -> {
            assertThat(function.path("Properties").path("PackageType").asText()).as(logicalId).isEqualTo("Image");
            assertThat(function.path("Metadata").path("Dockerfile").asText()).as(logicalId).isEqualTo("Dockerfile");
            assertThat(function.path("Metadata").path("DockerContext").asText()).as(logicalId).isEqualTo(".");
            assertThat(function.path("Metadata").path("DockerTag").asText()).as(logicalId).isEqualTo("functions");
            assertThat(TEMPLATE.functionProperty(function, "Runtime").isMissingNode()).as(logicalId).isTrue();
            assertThat(TEMPLATE.functionProperty(function, "SnapStart").isMissingNode()).as(logicalId).isTrue();
            assertThat(texts(TEMPLATE.functionProperty(function, "Architectures"))).containsExactly("arm64");
            assertThat(TEMPLATE.functionProperty(function, "Tracing").asText()).isEqualTo("Active");
        });
        invokedFunctions().forEach((logicalId, function) -> {
            assertThat(TEMPLATE.functionProperty(function, "AutoPublishAlias").asText()).isEqualTo("live");
            // Above the ~20 s the code retries while a paused database resumes, below API Gateway's 29 s.
            assertThat(TEMPLATE.functionProperty(function, "Timeout").asInt()).isStrictlyBetween(20, 29);
            assertThat(TEMPLATE.functionProperty(function, "MemorySize").asInt()).isPositive();
        });
    }

    @Test
    void everyFunctionButTheMigrationIsOneThatTheAotTrainingRunServes() {
        invokedFunctions().forEach((logicalId, function) -> assertThat(TEMPLATE.handler(function))
                .as("%s's handler, as the training run builds it", logicalId)
                .isEqualTo(SampleInvocations.HANDLERS.get(logicalId) + "::handleRequest"));
        assertThat(SampleInvocations.HANDLERS.keySet()).containsExactlyInAnyOrderElementsOf(
                invokedFunctions().keySet());
        assertThat(SampleInvocations.all()).extracting(SampleInvocations.Sample::function)
                .containsAll(SampleInvocations.HANDLERS.keySet());
    }

    @Test
    void everyFunctionLogsToItsOwnLogGroupWithRetention() {
        Map<String, JsonNode> logGroups = TEMPLATE.resources("AWS::Logs::LogGroup");
        functions.forEach((logicalId, function) -> {
            JsonNode logGroup = function.path("Properties").path("LoggingConfig").path("LogGroup");
            assertThat(logGroup.has("Ref")).as("%s LoggingConfig.LogGroup refers to a log group here", logicalId)
                    .isTrue();
            JsonNode group = logGroups.get(logGroup.path("Ref").asText());
            assertThat(group).as("log group of %s", logicalId).isNotNull();
            assertThat(group.path("Properties").path("RetentionInDays")).isEqualTo(ref("LogRetentionInDays"));
        });
        Set<JsonNode> distinctGroups = functions.values().stream()
                .map(function -> function.path("Properties").path("LoggingConfig").path("LogGroup"))
                .collect(Collectors.toSet());
        assertThat(distinctGroups).hasSize(functions.size());
    }

    @Test
    void theApiEndpointOutputIsTheStageUrl() {
        assertThat(TEMPLATE.root().path("Outputs").path("ApiEndpoint").path("Value")).isEqualTo(NODES.objectNode()
                .put("Fn::Sub", "https://${EC2InventoryAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${ApiStageName}"));
    }

    /** The functions API Gateway or EventBridge invoke: the migration custom resource is SchemaStackTemplateTest's. */
    private Map<String, JsonNode> invokedFunctions() {
        Map<String, JsonNode> invoked = new TreeMap<>(functions);
        invoked.remove(SchemaStackTemplateTest.MIGRATION_FUNCTION);
        return invoked;
    }

    /**
     * Every statement the template grants. A policy this test cannot read (an AWS managed policy name,
     * a SAM policy template) would hide its actions, so functions may only refer to policies declared here.
     */
    private List<JsonNode> iamStatements() {
        Set<String> declaredPolicies = TEMPLATE.resources("AWS::IAM::ManagedPolicy").keySet();
        List<JsonNode> statements = new ArrayList<>();
        functions.forEach((logicalId, function) -> oneOrMany(function.path("Properties").path("Policies"))
                .forEach(policy -> {
                    if (policy.has("Statement")) {
                        statements.addAll(oneOrMany(policy.path("Statement")));
                    } else if (!declaredPolicies.contains(policy.path("Ref").asText())) {
                        fail("%s uses policy %s, which is not declared in the template", logicalId, policy);
                    }
                }));
        for (String type : List.of("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy")) {
            TEMPLATE.resources(type).values().forEach(policy ->
                    statements.addAll(oneOrMany(policy.path("Properties").path("PolicyDocument").path("Statement"))));
        }
        TEMPLATE.resources("AWS::IAM::Role").values().forEach(role ->
                oneOrMany(role.path("Properties").path("Policies")).forEach(policy ->
                        statements.addAll(oneOrMany(policy.path("PolicyDocument").path("Statement")))));
        return statements;
    }

    private static List<JsonNode> apiEvents(JsonNode function) {
        List<JsonNode> events = new ArrayList<>();
        function.path("Properties").path("Events").elements().forEachRemaining(event -> {
            if (event.path("Type").asText().equals("Api")) {
                events.add(event);
            }
        });
        return events;
    }

    private static String route(JsonNode apiEvent) {
        JsonNode properties = apiEvent.path("Properties");
        return properties.path("Method").asText().toUpperCase(Locale.ROOT) + " " + properties.path("Path").asText();
    }

    private static Class<?> loadWithoutInitializing(String className, String logicalId) {
        try {
            // Initializing could build AWS clients; existence and shape are what is checked here.
            return Class.forName(className, false, ApiStackTemplateTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return fail("Handler class %s of %s is not on the classpath", className, logicalId);
        }
    }

    private static boolean publicNoArgConstructor(Class<?> type) {
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Method publicMethod(Class<?> type, String name, Class<?>... parameterTypes) {
        try {
            return type.getMethod(name, parameterTypes);
        } catch (NoSuchMethodException e) {
            return fail("%s has no public %s(%s)", type.getName(), name, List.of(parameterTypes));
        }
    }

    private static JsonNode databaseExport(String exportSuffix) {
        return NODES.objectNode().set("Fn::ImportValue",
                NODES.objectNode().put("Fn::Sub", "${DatabaseStackName}-" + exportSuffix));
    }

    private static JsonNode not(JsonNode condition) {
        return NODES.objectNode().set("Fn::Not", NODES.arrayNode().add(condition));
    }

    private static JsonNode equalsOf(JsonNode left, JsonNode right) {
        return NODES.objectNode().set("Fn::Equals", NODES.arrayNode().add(left).add(right));
    }

    private static JsonNode ref(String name) {
        return NODES.objectNode().put("Ref", name);
    }

    private static List<String> texts(JsonNode oneOrMany) {
        return oneOrMany(oneOrMany).stream().map(JsonNode::asText).toList();
    }
}
