package dev.ec2inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.local.sam.CloudFormationYaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What API Gateway deploys from template.yaml and what openapi.yaml promises are the same routes (method and path)
 * with the same authorization: AWS_IAM (the {@code ApiAuth} parameter's default) in the template is the document's
 * {@code sigv4}; a route without either would be open.
 */
class TemplateRoutesTest {

    private static final String IAM = "AWS_IAM";
    private static final String OPEN = "NONE";

    @Test
    void theTemplateAndTheDocumentHaveTheSameRoutesWithTheSameAuthorization() {
        Map<String, String> deployed = templateRoutes(CloudFormationYaml.read(Path.of("template.yaml")));

        assertThat(documentRoutes(new OpenAPIV3Parser().read(OpenApiContract.DOCUMENT.toString())))
                .isEqualTo(deployed);
        assertThat(deployed).hasSize(6).containsValue(IAM).doesNotContainValue(OPEN);
    }

    /** Each function's Api event, with the authorization the API's definition gives its method. */
    private static Map<String, String> templateRoutes(JsonNode template) {
        Map<String, String> routes = new TreeMap<>();
        Map<String, String> definedRoutes = new TreeMap<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Serverless::Api")) {
                resource.path("Properties").path("DefinitionBody").path("paths").properties().forEach(path ->
                        path.getValue().properties().forEach(method -> definedRoutes.put(
                                route(method.getKey(), path.getKey()),
                                authorization(template, method.getValue().path("x-amazon-apigateway-auth")))));
            }
        });
        template.path("Resources").forEach(resource -> resource.path("Properties").path("Events").forEach(event -> {
            if (event.path("Type").asText().equals("Api")) {
                String route = route(event.path("Properties").path("Method").asText(),
                        event.path("Properties").path("Path").asText());
                routes.put(route, definedRoutes.getOrDefault(route, OPEN));
            }
        }));
        assertThat(definedRoutes.keySet()).as("the API's definition and the functions' events")
                .isEqualTo(routes.keySet());
        return routes;
    }

    /** {@code type: !Ref ApiAuth} deploys the parameter's default; no type at all leaves the method open. */
    private static String authorization(JsonNode template, JsonNode auth) {
        JsonNode type = auth.path("type");
        if (type.has("Ref")) {
            return template.path("Parameters").path(type.path("Ref").asText()).path("Default").asText(OPEN);
        }
        return type.isTextual() ? type.asText() : OPEN;
    }

    private static Map<String, String> documentRoutes(OpenAPI document) {
        Map<String, String> routes = new TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (PathItem.HttpMethod method, io.swagger.v3.oas.models.Operation operation) -> {
                    List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                            : document.getSecurity();
                    boolean signed = security != null && security.stream().anyMatch(requirement ->
                            requirement.containsKey("sigv4"));
                    routes.put(route(method.name(), path), signed ? IAM : OPEN);
                }));
        return routes;
    }

    private static String route(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
