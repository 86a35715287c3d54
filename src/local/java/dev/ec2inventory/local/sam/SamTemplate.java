package dev.ec2inventory.local.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of a SAM template that running its functions locally needs. */
public final class SamTemplate {

    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    private static final String API_TYPE = "AWS::Serverless::Api";
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int DEFAULT_MEMORY_MEGABYTES = 128;

    private final Path file;
    private final JsonNode root;

    private SamTemplate(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** @throws java.io.UncheckedIOException when the file cannot be read or is not YAML */
    public static SamTemplate read(Path file) {
        return new SamTemplate(file, CloudFormationYaml.read(file));
    }

    public List<SamFunction> functions() {
        List<SamFunction> functions = new ArrayList<>();
        root.path("Resources").properties().forEach(resource -> {
            if (resource.getValue().path("Type").asText().equals(FUNCTION_TYPE)) {
                functions.add(function(resource.getKey(), resource.getValue().path("Properties")));
            }
        });
        return functions;
    }

    public Optional<SamFunction> function(String logicalId) {
        return functions().stream().filter(function -> function.logicalId().equals(logicalId)).findFirst();
    }

    /** The {@code StageName} of the template's {@code AWS::Serverless::Api}, resolving a {@code !Ref} to its default. */
    public Optional<String> apiStageName() {
        List<JsonNode> apis = new ArrayList<>();
        root.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals(API_TYPE)) {
                apis.add(resource.path("Properties").path("StageName"));
            }
        });
        return apis.stream().filter(stage -> !stage.isMissingNode()).findFirst().flatMap(this::literal);
    }

    /**
     * A value as it is before deployment: text as written, a {@code !Ref} to a parameter as the parameter's
     * {@code Default}; empty for anything else (other intrinsics, pseudo parameters, parameters without a default).
     */
    public Optional<String> literal(JsonNode value) {
        if (value.isValueNode()) {
            return Optional.of(value.asText());
        }
        if (value.isObject() && value.size() == 1 && value.has("Ref")) {
            JsonNode parameterDefault = root.path("Parameters").path(value.get("Ref").asText()).path("Default");
            return parameterDefault.isValueNode() ? Optional.of(parameterDefault.asText()) : Optional.empty();
        }
        return Optional.empty();
    }

    private SamFunction function(String logicalId, JsonNode properties) {
        JsonNode globals = root.path("Globals").path("Function");
        // The image's entrypoint hands Lambda's runtime interface client the handler of ImageConfig.Command.
        String handler = literal(properties.path("ImageConfig").path("Command").path(0)).orElseThrow(
                () -> new IllegalArgumentException(file + ": function " + logicalId + " has no ImageConfig.Command"));
        Map<String, JsonNode> environment = new LinkedHashMap<>();
        globals.path("Environment").path("Variables").properties()
                .forEach(variable -> environment.put(variable.getKey(), variable.getValue()));
        properties.path("Environment").path("Variables").properties()
                .forEach(variable -> environment.put(variable.getKey(), variable.getValue()));
        // Lambda hands the function its LoggingConfig's application log level as this variable.
        JsonNode applicationLogLevel = property(properties, globals, "LoggingConfig").path("ApplicationLogLevel");
        if (!applicationLogLevel.isMissingNode()) {
            environment.put("AWS_LAMBDA_LOG_LEVEL", applicationLogLevel);
        }
        return new SamFunction(logicalId, HandlerReference.parse(handler), environment, routes(properties),
                integer(property(properties, globals, "Timeout"), DEFAULT_TIMEOUT_SECONDS),
                integer(property(properties, globals, "MemorySize"), DEFAULT_MEMORY_MEGABYTES));
    }

    private static List<ApiRoute> routes(JsonNode properties) {
        List<ApiRoute> routes = new ArrayList<>();
        properties.path("Events").forEach(event -> {
            if (event.path("Type").asText().equals("Api")) {
                JsonNode api = event.path("Properties");
                routes.add(new ApiRoute(api.path("Method").asText(), api.path("Path").asText()));
            }
        });
        return routes;
    }

    /** A function property as SAM sees it: the function's own value, else the one in Globals. */
    private static JsonNode property(JsonNode properties, JsonNode globals, String name) {
        return properties.has(name) ? properties.get(name) : globals.path(name);
    }

    private int integer(JsonNode value, int fallback) {
        return value.isMissingNode() ? fallback : literal(value).map(Integer::parseInt).orElse(fallback);
    }
}
