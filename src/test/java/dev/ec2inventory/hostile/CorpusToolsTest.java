package dev.ec2inventory.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The corpus's own tools: the generator macros, the file's format checks, and what the leak scan calls a leak. */
class CorpusToolsTest {

    @Test
    void macrosExpandToTheBytesTheyDescribe() {
        assertThat(Templates.expand("a{{rep:3:é}}b", OptionalInt.empty()))
                .isEqualTo("aéééb".getBytes(StandardCharsets.UTF_8));
        assertThat(Templates.expand("{{byte:FF}}{{byte:00:2}}", OptionalInt.empty()))
                .containsExactly(0xFF, 0x00, 0x00);
        assertThat(Templates.expandText("p{{i}}-{{i:3}}-{{lb}}", OptionalInt.of(7))).isEqualTo("p7-007-{{");
        assertThat(Templates.expandText("{{i4:2}}", OptionalInt.of(65)))
                .isEqualTo(new String(Character.toChars(0x1F401)) + new String(Character.toChars(0x1F401)));
        assertThatThrownBy(() -> Templates.expand("{{i}}", OptionalInt.empty())).hasMessageContaining("$repeat");
        assertThatThrownBy(() -> Templates.expand("{{7*7}}", OptionalInt.empty()))
                .hasMessageContaining("unknown macro");
    }

    @Test
    void aRepeatUnrollsIntoDistinctItems() {
        HostileCase parsed = CorpusReader.parse("""
                {"name": "n", "method": "POST", "path": "/ec2/{{rep:2:%F0%9F%98%80}}", "body_json": {"packages": \
                [{"$repeat": 3, "item": {"package_name": "p{{i}}"}}]}, "status": 200}
                """).get(0);

        assertThat(new String(parsed.request().body(), StandardCharsets.UTF_8)).isEqualTo("{\"packages\":["
                + "{\"package_name\":\"p0\"},{\"package_name\":\"p1\"},{\"package_name\":\"p2\"}]}");
        assertThat(parsed.request().awsInstanceId()).contains("😀😀");
        assertThat(parsed.request().header("content-type")).isEqualTo("application/json");
    }

    @Test
    void theFileRefusesWhatWouldNotBeSentAsWritten() {
        assertThatThrownBy(() -> CorpusReader.parse(
                "{\"name\": \"n\", \"method\": \"GET\", \"status\": 200, \"x\": 1}"))
                .hasMessageContaining("line 1").hasMessageContaining("unknown field 'x'");
        assertThatThrownBy(() -> CorpusReader.parse("{\"name\": \"n\", \"method\": \"POST\", \"body\": \"\\ud800\", "
                + "\"status\": 400}")).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> CorpusReader.parse("{\"name\": \"n\", \"raw_request\": \"GET /\", \"status\": 400}"))
                .hasMessageContaining("level");
        assertThatThrownBy(() -> CorpusReader.parse("{\"name\": \"n\", \"method\": \"GET\", \"status\": 200}\n"
                + "{\"name\": \"n\", \"method\": \"GET\", \"status\": 200}")).hasMessageContaining("used twice");
    }

    @Test
    void theLeakScanFindsInternalsButNotTheClientsOwnText() {
        HostileRequest request = new HostileRequest("POST",
                "/ec2/SELECT%20*%20FROM%20ec2".getBytes(StandardCharsets.UTF_8), List.of(), null, null);

        assertThat(LeakScan.scan(reply(400,
                "{\"error_message\": \"Instance SELECT * FROM ec2 is already in the inventory\"}"), request)).isEmpty();
        assertThat(LeakScan.scan(reply(500, "Database error code: 1062. Message: Duplicate entry 'x' for key "
                + "'PRIMARY' (SQLState: 23000)\n\tat dev.ec2inventory.X.y(X.java:1) arn:aws:rds:x"), request))
                .anyMatch(hit -> hit.contains("database message"))
                .anyMatch(hit -> hit.contains("SQLState"))
                .anyMatch(hit -> hit.contains("stack trace"))
                .anyMatch(hit -> hit.contains("Java class"))
                .anyMatch(hit -> hit.contains("ARN"));
        assertThat(LeakScan.scan(reply(400, "<html><h1>400</h1>URISyntaxException</html>"), request))
                .anyMatch(hit -> hit.contains("HTML page")).anyMatch(hit -> hit.contains("exception"));
    }

    @Test
    void headersAreScannedEvenOnSuccessExceptTheGatewaysOwnErrorType() {
        HostileRequest request = new HostileRequest("GET", "/ec2/x".getBytes(StandardCharsets.UTF_8), List.of(), null,
                null);
        Reply answered = new Reply(200, List.of(
                new SimpleEntry<>("x-amzn-ErrorType", "MissingAuthenticationTokenException"),
                new SimpleEntry<>("X-Debug", "java.lang.IllegalStateException")), new byte[0], "test");

        assertThat(LeakScan.scan(answered, request)).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit).startsWith("header: ").contains("X-Debug"));
    }

    private static Reply reply(int status, String body) {
        return new Reply(status, List.of(Map.entry("Content-Type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8), "test");
    }
}
