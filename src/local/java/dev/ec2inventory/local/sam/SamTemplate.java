package dev.ec2inventory.local.sam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The parts of a SAM template that running its functions locally needs. */
public final class SamTemplate {

    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    private static final String API_TYPE = "AWS::Serverless::Api";
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int DEFAULT_MEMORY_MEGABYTES = 128;

    private final Path file;
    private final Map<String, Object> document;

    private SamTemplate(Path file, Map<String, Object> document) {
        this.file = file;
        this.document = document;
    }

    public static SamTemplate read(Path file) throws IOException {
        return new SamTemplate(file, CloudFormationYaml.read(file));
    }

    public Path file() {
        return file;
    }

    public List<SamFunction> functions() {
        List<SamFunction> functions = new ArrayList<>();
        mapAt(document, "Resources").forEach((logicalId, resource) -> {
            Map<String, Object> definition = asMap(resource, "Resources." + logicalId);
            if (FUNCTION_TYPE.equals(definition.get("Type"))) {
                functions.add(function(logicalId, mapAt(definition, "Properties")));
            }
        });
        return functions;
    }

    public Optional<SamFunction> function(String logicalId) {
        return functions().stream().filter(function -> function.logicalId().equals(logicalId)).findFirst();
    }

    /** The {@code StageName} of the template's {@code AWS::Serverless::Api}, resolving a {@code !Ref} to its default. */
    public Optional<String> apiStageName() {
        return mapAt(document, "Resources").values().stream()
                .map(resource -> asMap(resource, "Resources"))
                .filter(resource -> API_TYPE.equals(resource.get("Type")))
                .map(resource -> mapAt(resource, "Properties").get("StageName"))
                .filter(Objects::nonNull)
                .findFirst()
                .flatMap(this::literalOrParameterDefault);
    }

    private Optional<String> literalOrParameterDefault(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return intrinsic.isRef() ? parameterDefault(String.valueOf(intrinsic.argument())) : Optional.empty();
        }
        return Optional.of(String.valueOf(value));
    }

    /** The {@code Default} of a template parameter, when it has one. */
    public Optional<String> parameterDefault(String name) {
        Object parameter = mapAt(document, "Parameters").get(name);
        if (parameter == null) {
            return Optional.empty();
        }
        Object value = asMap(parameter, "Parameters." + name).get("Default");
        return Optional.ofNullable(value).map(String::valueOf);
    }

    private SamFunction function(String logicalId, Map<String, Object> properties) {
        Map<String, Object> globals = mapAt(mapAt(document, "Globals"), "Function");
        Object handler = properties.getOrDefault("Handler", globals.get("Handler"));
        if (!(handler instanceof String handlerText)) {
            throw new IllegalArgumentException(file + ": function " + logicalId + " has no literal Handler");
        }
        Map<String, Object> environment = new LinkedHashMap<>(variables(globals));
        environment.putAll(variables(properties));
        return new SamFunction(logicalId, HandlerReference.parse(handlerText), environment, routes(logicalId, properties),
                integer(properties, globals, "Timeout", DEFAULT_TIMEOUT_SECONDS),
                integer(properties, globals, "MemorySize", DEFAULT_MEMORY_MEGABYTES));
    }

    private int integer(Map<String, Object> properties, Map<String, Object> globals, String key, int fallback) {
        Object value = properties.getOrDefault(key, globals.get(key));
        return value == null ? fallback
                : literalOrParameterDefault(value).map(Integer::parseInt).orElse(fallback);
    }

    private List<ApiRoute> routes(String logicalId, Map<String, Object> properties) {
        List<ApiRoute> routes = new ArrayList<>();
        mapAt(properties, "Events").forEach((eventId, event) -> {
            Map<String, Object> definition = asMap(event, logicalId + ".Events." + eventId);
            if ("Api".equals(definition.get("Type"))) {
                Map<String, Object> api = mapAt(definition, "Properties");
                routes.add(new ApiRoute(String.valueOf(api.get("Method")), String.valueOf(api.get("Path"))));
            }
        });
        return routes;
    }

    private static Map<String, Object> variables(Map<String, Object> owner) {
        return mapAt(mapAt(owner, "Environment"), "Variables");
    }

    private static Map<String, Object> mapAt(Map<String, Object> owner, String key) {
        Object value = owner.get(key);
        return value == null ? Map.of() : asMap(value, key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("template: " + where + " should be a mapping");
    }
}
