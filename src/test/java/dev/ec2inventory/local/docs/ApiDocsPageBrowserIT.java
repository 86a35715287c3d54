package dev.ec2inventory.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.contract.LocalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /docs in a real browser, as a user meets it: headless Chromium loads the page from a local stack that holds one
 * instance, opens GET /ec2/{aws_instance_id}, presses "Try it out", types the id over the example, presses "Execute", and sees the
 * record in the answer. The screenshot is left in target/ for a person to look at. .ci/run installs Debian's
 * chromium; on a machine without it the test is skipped and says why.
 */
class ApiDocsPageBrowserIT {

    /** Not the document's example id, which Swagger UI fills in by itself: the id has to be typed to be found. */
    private static final String INSTANCE_ID = "i-0d0c5f00dba5e1234";
    private static final String OPERATION = "document.querySelector('#operations-instances-getInstance')";
    private static final Path SCREENSHOT = Path.of("target", "docs-get-instance.png");

    private static LocalApi api;

    @BeforeAll
    static void startStackWithOneInstance() throws Exception {
        if (!Files.isExecutable(HeadlessChromium.EXECUTABLE)) {
            String reason = HeadlessChromium.EXECUTABLE + " is missing (apt-get install chromium; .ci/run does):"
                    + " /docs is not checked in a browser";
            System.out.println("[ApiDocsPageBrowserIT] skipped: " + reason);
            Assumptions.abort(reason);
        }
        api = LocalApi.start("docs_page");
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.endpoint() + "/ec2/" + INSTANCE_ID))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"aws_region\": \"us-east-1\", \"aws_account\": \"123456789012\","
                        + " \"packages\": [{\"package_name\": \"package-1\", \"package_version\": \"v1\"}]}"))
                .build(), BodyHandlers.ofString()).statusCode();
        assertThat(status).as("the seeded instance").isEqualTo(200);
    }

    @AfterAll
    static void stopStack() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void runsTheGetOfASeededInstanceFromThePage() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(Path.of("target", "chromium.log"))) {
            browser.navigate(api.endpoint() + "/docs");
            awaitPage(browser, OPERATION + " !== null", "Swagger UI lists GET /ec2/{aws_instance_id}");

            browser.click(OPERATION + ".querySelector('button.opblock-summary-control')");
            awaitPage(browser, OPERATION + ".querySelector('.try-out__btn') !== null", "the operation opens");
            browser.click(OPERATION + ".querySelector('.try-out__btn')");
            awaitPage(browser, OPERATION + ".querySelector('input[type=text]') !== null", "the id can be typed");
            browser.click(OPERATION + ".querySelector('input[type=text]')");
            browser.evaluate(OPERATION + ".querySelector('input[type=text]').select()");
            browser.type(INSTANCE_ID);
            browser.click(OPERATION + ".querySelector('button.execute')");

            boolean answered = browser.waitFor(OPERATION + "?.querySelector('.live-responses-table')"
                    + "?.innerText.includes('record_found') === true");
            browser.screenshot(SCREENSHOT);
            assertThat(answered).as("the page shows the answer; see " + SCREENSHOT).isTrue();
            String answer = browser.evaluate(OPERATION + ".querySelector('.live-responses-table').innerText").asText();
            assertThat(answer).contains("200", "\"aws_instance_id\": \"" + INSTANCE_ID + "\"",
                    "\"record_found\": true", "\"package_name\": \"package-1\"");
            String requestUrl = browser.evaluate(OPERATION + ".querySelector('.request-url pre').innerText").asText();
            assertThat(requestUrl.trim()).isEqualTo(api.endpoint() + "/ec2/" + INSTANCE_ID);
        }
    }

    /** Waits for the page to show {@code condition}; if it never does, the screenshot and the page's text say why. */
    private static void awaitPage(HeadlessChromium browser, String condition, String what) throws Exception {
        if (!browser.waitFor(condition)) {
            browser.screenshot(SCREENSHOT);
            throw new AssertionError(what + ": not seen (screenshot " + SCREENSHOT + "); the page shows: "
                    + browser.evaluate("document.body ? document.body.innerText.slice(0, 2000) : ''").asText());
        }
    }
}
