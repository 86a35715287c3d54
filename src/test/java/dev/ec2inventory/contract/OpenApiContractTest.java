package dev.ec2inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.SimpleResponse;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The check catches what a wrong answer gets wrong: the test of the tests' contract check itself. */
class OpenApiContractTest {

    private static final URI INSTANCE = URI.create("http://127.0.0.1:3000/ec2/i-01aaae43feb712345");
    private static final String ERROR = "{\"error_message\":\"(error_code: b30130b9-2bbf-4d51-9154-0826347aff23) - "
            + "The inventory database is starting up or busy; retry in 15 seconds\"}";

    private final OpenApiContract contract = OpenApiContract.forEndpoint(URI.create("http://127.0.0.1:3000"));

    @Test
    void acceptsAnAnswerTheDocumentAllows() {
        assertThat(errors("GET", INSTANCE, answer(200, "{\"record\":{},\"record_found\":false}"))).isEmpty();
    }

    @Test
    void refusesAFieldTheDocumentDoesNotKnow() {
        assertThat(errors("GET", INSTANCE, answer(200, "{\"record\":{},\"record_found\":false,\"extra\":1}")))
                .contains("extra");
    }

    @Test
    void refusesAFoundRecordWithoutItsCreationDate() {
        String body = "{\"record\":{\"aws_instance_id\":\"i-1\",\"aws_region\":\"us-east-1\",\"aws_account\":\"1\","
                + "\"packages\":[]},\"record_found\":true}";

        assertThat(errors("GET", INSTANCE, answer(200, body))).contains("creation_date_utc");
    }

    @Test
    void refusesAStatusTheRouteDoesNotAnswer() {
        assertThat(errors("GET", INSTANCE, answer(404, ERROR))).contains("404");
    }

    @Test
    void refusesA503WithoutRetryAfter() {
        assertThat(errors("POST", INSTANCE, answer(503, ERROR))).contains("Retry-After");
        assertThat(errors("POST", INSTANCE, SimpleResponse.Builder.status(503).withContentType("application/json")
                .withHeader("x-amzn-RequestId", "r-1").withHeader("Retry-After", "15").withBody(ERROR).build()))
                .isEmpty();
    }

    @Test
    void refusesAnErrorMessageWithoutItsCode() {
        assertThat(errors("POST", INSTANCE, answer(400, "{\"error_message\":\"Duplicate entry 'i-1' for key 'PRIMARY'\"}")))
                .contains("error_message");
    }

    @Test
    void refusesAValueLongerThanItsColumn() {
        String body = "{\"new_record\":{\"aws_account\":\"12345678901234\",\"aws_region\":\"us-east-1\",\"packages\":[]}}";

        assertThat(errors("POST", INSTANCE, answer(200, body))).contains("aws_account");
    }

    @Test
    void refusesABlankValueAsJavaDefinesBlankness() {
        String blank = "{\"new_record\":{\"aws_account\":\" \\u2003\\t\",\"aws_region\":\"us-east-1\",\"packages\":[]}}";
        String nonBreakingSpace = "{\"new_record\":{\"aws_account\":\"\\u00a0\",\"aws_region\":\"us-east-1\",\"packages\":[]}}";

        assertThat(errors("POST", INSTANCE, answer(200, blank))).contains("aws_account");
        assertThat(errors("POST", INSTANCE, answer(200, nonBreakingSpace)))
                .as("Java's isBlank keeps a no-break space, and so does the document").isEmpty();
    }

    @Test
    void followsTheStageInADeployedEndpoint() {
        OpenApiContract deployed = OpenApiContract.forEndpoint(
                URI.create("https://abc123.execute-api.us-east-1.amazonaws.com/dev"));

        assertThat(OpenApiContract.describe(deployed.check("GET",
                URI.create("https://abc123.execute-api.us-east-1.amazonaws.com/dev/ec2/i-1"),
                answer(200, "{\"record\":{},\"record_found\":false}")))).isEmpty();
    }

    private String errors(String method, URI uri, SimpleResponse response) {
        return OpenApiContract.describe(contract.check(method, uri, response));
    }

    private static SimpleResponse answer(int status, String body) {
        return SimpleResponse.Builder.status(status).withContentType("application/json")
                .withHeader("x-amzn-RequestId", "5c3b1a9e-0d2f-4b7e-8a6c-1f2e3d4c5b6a").withBody(body).build();
    }
}
