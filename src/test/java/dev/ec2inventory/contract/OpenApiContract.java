package dev.ec2inventory.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The API's contract, {@code openapi.yaml} at the root of the project, and the check of real HTTP answers against
 * it: status, headers and body, with Atlassian's swagger-request-validator. A test that calls the API passes every
 * answer through {@link #requireConforms}, or wraps its calls in it:
 * <pre>{@code
 * OpenApiContract contract = OpenApiContract.forEndpoint(endpoint);
 * HttpResponse<String> got = contract.requireConforms(http.send(request, BodyHandlers.ofString()));
 * }</pre>
 * Requests are not checked: contract tests send wrong ones on purpose.
 */
public final class OpenApiContract {

    /** The document, relative to the project's root (Maven runs tests there). */
    public static final Path DOCUMENT = Path.of("openapi.yaml");

    private final OpenApiInteractionValidator validator;

    private OpenApiContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /**
     * The contract of the API at {@code endpoint}: its path, if any, is the stage's base path ({@code /dev} on AWS,
     * nothing on the local server), which the document's paths follow.
     */
    public static OpenApiContract forEndpoint(URI endpoint) {
        String basePath = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        return new OpenApiContract(OpenApiInteractionValidator
                .createForSpecificationUrl(DOCUMENT.toAbsolutePath().toUri().toString())
                .withBasePathOverride(basePath.isEmpty() ? "/" : basePath)
                .build());
    }

    /** The answer itself, once it is shown to be one the document allows for its request's method and path. */
    public HttpResponse<String> requireConforms(HttpResponse<String> response) {
        ValidationReport report = check(response);
        if (report.hasErrors()) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " " + response.headers().map() + " " + response.body()
                    + "\nwhich openapi.yaml does not allow:\n" + describe(report));
        }
        return response;
    }

    /** What the validator finds wrong with an answer, if anything. */
    public ValidationReport check(HttpResponse<String> response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        return check(response.request().method(), response.uri(), answer.build());
    }

    /** What the validator finds wrong with an answer, given as the validator's own model. */
    public ValidationReport check(String method, URI uri, SimpleResponse response) {
        Request.Method requestMethod = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        return validator.validateResponse(uri.getRawPath(), requestMethod, response);
    }

    public static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .map(message -> "  " + message.getLevel() + " " + message.getKey() + ": " + message.getMessage()
                        + message.getAdditionalInfo().stream().map(info -> "\n      " + info)
                                .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }
}
