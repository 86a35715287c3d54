package dev.ec2inventory.local.sam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's environment variables as they are when it runs locally: literal values as written, {@code !Ref}s to
 * template parameters as the parameters' defaults, and the caller's overrides (the local database, the local Data
 * API endpoint) in place of what only a deployment can resolve, such as {@code !ImportValue}.
 */
public final class LocalEnvironment {

    private LocalEnvironment() {
    }

    /**
     * @throws IllegalArgumentException naming the variable, when a value is neither literal, nor a {@code !Ref} to a
     *                                  parameter with a default, nor overridden
     */
    public static Map<String, String> resolve(SamTemplate template, SamFunction function, Map<String, String> overrides) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            if (!overrides.containsKey(name)) {
                environment.put(name, template.literal(value).orElseThrow(() -> new IllegalArgumentException(
                        function.logicalId() + ": environment variable " + name + " is " + value
                                + ", which only a deployment can resolve; the local runner has no local value for it")));
            }
        });
        environment.putAll(overrides);
        return environment;
    }
}
