package dev.ec2inventory.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.local.sam.CloudFormationYaml;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Every policy document that a function's role holds: the role's inline policies, the managed policies it lists,
     * and the policies that name it. A policy declared outside this template cannot be read, so it fails the test.
     */
    List<JsonNode> rolePolicies(JsonNode function) {
        String roleId = function.path("Properties").path("Role").path("Fn::GetAtt").path(0).asText();
        JsonNode role = resource(roleId).path("Properties");
        if (role.isMissingNode()) {
            throw new IllegalArgumentException("the function's Role is no role of this template: " + roleId);
        }
        List<JsonNode> documents = new ArrayList<>();
        oneOrMany(role.path("Policies")).forEach(policy -> documents.add(policy.path("PolicyDocument")));
        oneOrMany(role.path("ManagedPolicyArns")).forEach(arn -> {
            JsonNode policy = resource(arn.path("Ref").asText());
            if (policy.isMissingNode()) {
                throw new IllegalArgumentException(roleId + " has a policy from outside the template: " + arn);
            }
            documents.add(policy.path("Properties").path("PolicyDocument"));
        });
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            resources(type).values().forEach(policy -> {
                JsonNode properties = policy.path("Properties");
                boolean namesTheRole = oneOrMany(properties.path("Roles")).stream()
                        .anyMatch(named -> named.path("Ref").asText().equals(roleId));
                if (namesTheRole) {
                    documents.add(properties.path("PolicyDocument"));
                }
            });
        }
        return documents;
    }

    /** Elements of a node that may be one value or a list of them, as CloudFormation allows in many places. */
    static List<JsonNode> oneOrMany(JsonNode node) {
        if (node instanceof MissingNode || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).toList() : List.of(node);
    }
}
