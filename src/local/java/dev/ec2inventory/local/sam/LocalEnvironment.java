package dev.ec2inventory.local.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A function's environment variables as they are when it runs locally: literal values as written, {@code !Ref}s to
 * template parameters as the parameters' defaults, {@code !ImportValue}s of the database stack's exports as the local
 * database has them, and the caller's overrides (the local Data API endpoint) in place of what only AWS has.
 */
public final class LocalEnvironment {

    private LocalEnvironment() {
    }

    /** Without exports to import. */
    public static Map<String, String> resolve(SamTemplate template, SamFunction function, Map<String, String> overrides) {
        return resolve(template, function, Map.of(), overrides);
    }

    /**
     * @param exports the database stack's exports by the name after the stack name, such as {@code DatabaseSecretArn}
     *                for {@code !ImportValue ${DatabaseStackName}-DatabaseSecretArn}, so that each function gets the
     *                secret its template names
     * @throws IllegalArgumentException naming the variable, when a value is neither literal, nor a {@code !Ref} to a
     *                                  parameter with a default, nor an import of a given export, nor overridden
     */
    public static Map<String, String> resolve(SamTemplate template, SamFunction function, Map<String, String> exports,
            Map<String, String> overrides) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            if (!overrides.containsKey(name)) {
                environment.put(name, template.literal(value).or(() -> imported(value, exports))
                        .orElseThrow(() -> new IllegalArgumentException(function.logicalId() + ": environment variable "
                                + name + " is " + value + ", which only a deployment can resolve; the local runner "
                                + "has no local value for it")));
            }
        });
        environment.putAll(overrides);
        return environment;
    }

    private static Optional<String> imported(JsonNode value, Map<String, String> exports) {
        JsonNode name = value.path("Fn::ImportValue");
        String exportName = name.isTextual() ? name.asText() : name.path("Fn::Sub").asText("");
        return Optional.ofNullable(exports.get(exportName.substring(exportName.lastIndexOf('-') + 1)));
    }
}
