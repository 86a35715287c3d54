package dev.ec2inventory.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What the gateway tests assert of a refusal by the gateway itself. */
final class GatewayErrors {

    private GatewayErrors() {
    }

    /** JSON naming the problem, and nothing of the server's internals. */
    static void assertGatewayError(RawHttp.Response answer, int status, String messageFragment) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("content-type")).as(answer.text()).isEqualTo("application/json");
        assertThat(answer.json().get("message").asText()).contains(messageFragment);
        assertThat(answer.text().toLowerCase(Locale.ROOT)).doesNotContain("<html", "<h1", "java.", "sun.", "urisyntax");
        String body = new String(answer.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        assertThat(body).doesNotContain("exception", "error:", "\tat ");
    }
}
