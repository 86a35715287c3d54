package dev.ec2inventory.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.local.sam.CloudFormationYaml;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** A template read with its intrinsic functions in long form, and the lookups the template tests share. */
record CloudFormationTemplate(JsonNode root) {

    static CloudFormationTemplate read(String pathFromProjectRoot) {
        // Surefire runs tests in the project directory, where the templates live.
        return new CloudFormationTemplate(CloudFormationYaml.read(Path.of(pathFromProjectRoot)));
    }

    /** Resources of one type by logical id, in template order. */
    Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> matching = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(resource -> {
            if (resource.getValue().path("Type").asText().equals(type)) {
                matching.put(resource.getKey(), resource.getValue());
            }
        });
        return matching;
    }

    JsonNode resource(String logicalId) {
        return root.path("Resources").path(logicalId);
    }

    JsonNode parameter(String name) {
        return root.path("Parameters").path(name);
    }

    /** A function property as SAM sees it: the function's own value, else the one in Globals. */
    JsonNode functionProperty(JsonNode function, String property) {
        JsonNode own = function.path("Properties").path(property);
        return own.isMissingNode() ? root.path("Globals").path("Function").path(property) : own;
    }

    /** A function's handler, {@code package.Class::method}: the one command its image's entrypoint is given. */
    String handler(JsonNode function) {
        return function.path("Properties").path("ImageConfig").path("Command").path(0).asText();
    }

    /** A function's environment variables: Globals' merged with its own, its own winning. */
    Map<String, JsonNode> environment(JsonNode function) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        root.path("Globals").path("Function").path("Environment").path("Variables").properties()
                .forEach(variable -> variables.put(variable.getKey(), variable.getValue()));
        function.path("Properties").path("Environment").path("Variables").properties()
                .forEach(variable -> variables.put(variable.getKey(), variable.getValue()));
        return variables;
    }

    /** Elements of a node that may be one value or a list of them, as CloudFormation allows in many places. */
    static List<JsonNode> oneOrMany(JsonNode node) {
        if (node instanceof MissingNode || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).toList() : List.of(node);
    }
}
