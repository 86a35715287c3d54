package dev.ec2inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.local.sam.SamTemplate;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** openapi.yaml parses cleanly, documents every route of issue 11 with every answer, and its examples obey it. */
class OpenApiDocumentTest {

    private static final Set<String> ROUTES = Set.of(
            "POST /ec2/{aws_instance_id}",
            "GET /ec2/{aws_instance_id}",
            "DELETE /ec2/{aws_instance_id}",
            "PUT /ec2/{aws_instance_id}/packages",
            "GET /ec2",
            "GET /packages/{package_name}");
    private static final Set<String> EVERY_ROUTE_ANSWERS = Set.of("200", "400", "403", "429", "500", "502", "503");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE_SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/us-east-1/"
            + "execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855";

    private static OpenAPI api;

    @BeforeAll
    static void parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(
                OpenApiContract.DOCUMENT.toAbsolutePath().toUri().toString(), null, options);
        assertThat(result.getMessages()).as("swagger-parser's errors and warnings").isEmpty();
        api = result.getOpenAPI();
    }

    @Test
    void isOpenApi3WithExactlyTheRoutesOfTheApi() {
        assertThat(api.getOpenapi()).startsWith("3.0.");
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(ROUTES);
    }

    @Test
    void givesEveryRouteEveryAnswerWithAJsonSchema() {
        operations().forEach((route, operation) -> {
            assertThat(operation.getResponses().keySet()).as(route).containsAll(EVERY_ROUTE_ANSWERS);
            operation.getResponses().forEach((status, response) -> {
                MediaType json = response.getContent().get("application/json");
                assertThat(json).as(route + " " + status + " is JSON").isNotNull();
                assertThat(json.getSchema()).as(route + " " + status + " has a schema").isNotNull();
                assertThat(response.getHeaders()).as(route + " " + status).containsKey("x-amzn-RequestId");
            });
            assertThat(operation.getResponses().get("503").getHeaders()).as(route).containsKey("Retry-After");
            assertThat(operation.getResponses().get("503").getHeaders().get("Retry-After").getRequired()).isTrue();
        });
    }

    @Test
    void refusesTooLargeBodiesWhereThereIsABodyAndUnknownInstancesOnPut() {
        operations().forEach((route, operation) -> assertThat(operation.getResponses().containsKey("413"))
                .as(route + " has a body, so API Gateway may answer 413")
                .isEqualTo(operation.getRequestBody() != null));
        assertThat(operations().get("PUT /ec2/{aws_instance_id}/packages").getResponses()).containsKey("404");
    }

    @Test
    void asksForSigV4OnEveryRoute() {
        SecurityScheme sigv4 = api.getComponents().getSecuritySchemes().get("sigv4");
        assertThat(sigv4.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
        assertThat(sigv4.getName()).isEqualTo("Authorization");
        assertThat(sigv4.getExtensions()).containsEntry("x-amazon-apigateway-authtype", "awsSigv4");
        operations().forEach((route, operation) -> assertThat(operation.getSecurity()).as(route)
                .containsExactly(new SecurityRequirement().addList("sigv4")));
    }

    @Test
    void documentsEveryRouteOfTheTemplate() {
        SamTemplate template = SamTemplate.read(Path.of("template.yaml"));
        template.functions().forEach(function -> function.routes().forEach(route ->
                assertThat(operations()).as(function.logicalId())
                        .containsKey(route.method() + " " + route.pathTemplate())));
    }

    @Test
    void keepsItsOwnResponseExamples() throws Exception {
        OpenApiContract contract = OpenApiContract.forEndpoint(URI.create("http://127.0.0.1"));
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, Operation> route : operations().entrySet()) {
            String method = route.getKey().split(" ")[0];
            URI uri = URI.create("http://127.0.0.1" + examplePath(route.getKey().split(" ")[1]));
            for (Map.Entry<String, ApiResponse> answer : route.getValue().getResponses().entrySet()) {
                for (Object example : examplesOf(answer.getValue())) {
                    SimpleResponse response = SimpleResponse.Builder.status(Integer.parseInt(answer.getKey()))
                            .withContentType("application/json")
                            .withHeader("x-amzn-RequestId", "5c3b1a9e-0d2f-4b7e-8a6c-1f2e3d4c5b6a")
                            .withHeader("Retry-After", "15")
                            .withBody(JSON.writeValueAsString(example))
                            .build();
                    ValidationReport report = contract.check(method, uri, response);
                    assertThat(report.hasErrors()).as(route.getKey() + " " + answer.getKey() + " " + example + "\n"
                            + OpenApiContract.describe(report)).isFalse();
                    checked.add(route.getKey() + " " + answer.getKey());
                }
            }
        }
        assertThat(new TreeSet<>(checked)).as("every route has examples").hasSizeGreaterThan(ROUTES.size() * 5);
    }

    @Test
    void acceptsItsOwnRequestExamples() throws Exception {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(OpenApiContract.DOCUMENT.toAbsolutePath().toUri().toString()).build();
        int checked = 0;
        for (Map.Entry<String, Operation> route : operations().entrySet()) {
            if (route.getValue().getRequestBody() == null) {
                continue;
            }
            for (Object example : examplesOf(route.getValue().getRequestBody().getContent())) {
                SimpleRequest request = new SimpleRequest.Builder(route.getKey().split(" ")[0],
                        examplePath(route.getKey().split(" ")[1]))
                        .withContentType("application/json").withBody(JSON.writeValueAsString(example))
                        .withAuthorization(EXAMPLE_SIGNATURE).build();
                ValidationReport report = validator.validateRequest(request);
                assertThat(report.hasErrors()).as(route.getKey() + " " + example + "\n"
                        + OpenApiContract.describe(report)).isFalse();
                checked++;
            }
        }
        assertThat(checked).as("POST's two examples and PUT's one").isEqualTo(3);
    }

    private static List<Object> examplesOf(ApiResponse response) {
        return examplesOf(response.getContent());
    }

    private static List<Object> examplesOf(Content content) {
        MediaType json = content.get("application/json");
        List<Object> examples = new ArrayList<>();
        if (json.getExample() != null) {
            examples.add(json.getExample());
        }
        if (json.getExamples() != null) {
            json.getExamples().values().stream().map(Example::getValue).forEach(examples::add);
        }
        return examples;
    }

    private static String examplePath(String template) {
        return template.replace("{aws_instance_id}", "i-01aaae43feb712345").replace("{package_name}", "package-1");
    }

    private static Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (PathItem.HttpMethod method, Operation operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }
}
