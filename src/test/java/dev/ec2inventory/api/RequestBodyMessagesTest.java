package dev.ec2inventory.api;

import static dev.ec2inventory.api.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The body's own messages, through the handler: text that is not UTF-8, content after the object, the parser's limits
 * and repeated fields. In the bodies below, {@code \xHH} stands for one raw byte.
 */
class RequestBodyMessagesTest {

    private static final String ACCOUNT = "{\"aws_region\":\"r\",\"aws_account\":\"1\"";
    private static final String EMOJI = "\uD83D\uDE80";

    private final InMemoryInventory inventory = new InMemoryInventory();
    private final LoggedLines log = new LoggedLines();
    private final AddEc2InfoHandler handler =
            new AddEc2InfoHandler(log.wiring(inventory, LogLevel.INFO));

    @ParameterizedTest
    @Event(value = "events/post-ec2-info-invalid-utf8.json", type = APIGatewayProxyRequestEvent.class)
    void bytesThatAreNotUtf8AreRefusedNamingTheField(APIGatewayProxyRequestEvent request) {
        assertRefused(request, "aws_account must be valid UTF-8 text (line 1, column 56)");
    }

    /** An empty field means the message names the body rather than a field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an invalid first byte  | {"aws_region":"us-\\xFF"}                      | aws_region                  | 19
            a lone continuation    | {"aws_region":"us-\\x80"}                      | aws_region                  | 19
            an overlong U+0000     | {"aws_region":"us-\\xC0\\x80"}                 | aws_region                  | 19
            an overlong A          | {"aws_region":"us-\\xE0\\x81\\x81"}            | aws_region                  | 19
            an encoded surrogate   | {"aws_region":"us-\\xED\\xA0\\x80"}            | aws_region                  | 19
            above U+10FFFF         | {"aws_region":"us-\\xF4\\x90\\x80\\x80"}       | aws_region                  | 19
            a sequence cut short   | {"aws_region":"us-\\xE2\\x82"}                 | aws_region                  | 19
            cut by the body's end  | {"aws_region":"us-\\xF0\\x9F\\x9A              | aws_region                  | 19
            after other characters | {"aws_region":"\u00e9\u20ac\uD83D\uDE80\\xFF"} | aws_region                  | 20
            in a package           | {"packages":[{},{"package_version":"\\xFF"}]}  | packages[1].package_version | 37
            in a field name        | {"aws_\\xFFregion":"r"}                        |                             | 7
            between tokens         | {"aws_region": \\xFF"r"}                       |                             | 16
            before anything        | \\xEF\\xBB{}                                   |                             | 1
            """)
    void base64BodiesMustBeUtf8(String what, String body, String field, int column) {
        assertRefused(base64Post(bytes(body)), notUtf8(field, column));
    }

    @Test
    void linesEndAtCrLfOrLf() {
        assertRefused(base64Post(bytes("{\n  \"aws_region\": \"r\",\r\n  \"aws_account\": \"\\xFF\"\n}")),
                "aws_account must be valid UTF-8 text (line 3, column 19)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a high surrogate in a value  | {"aws_region":"us\uD800"}                 | aws_region               | 18
            a low surrogate in a package | {"packages":[{"package_name":"\uDE80a"}]} | packages[0].package_name | 31
            two high surrogates          | {"aws_region":"\uD83D\uD83D\uDE80"}       | aws_region               | 16
            a surrogate in a field name  | {"aws_\uDC00region":"r"}                  |                          | 7
            """)
    void plainBodiesMustNotHoldUnpairedSurrogates(String what, String body, String field, int column) {
        assertRefused(post(body), notUtf8(field, column));
    }

    /** Valid JSON whose escapes spell text UTF-8 cannot carry; the column is where the parser notices it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an escaped high surrogate in a field name | {"aws_region":"r","x\\ud800":1}      | 27
            an escaped low surrogate in a field name  | {"aws_\\udc00region":"r"}            | 13
            a broken escaped pair in a field name     | {"x\\ud800\\u0041":1}               | 16
            """)
    void escapedSurrogatesInFieldNamesAreNotUtf8(String what, String body, int column) {
        assertRefused(post(body), notUtf8(null, column));
    }

    @Test
    void textArrivesCharacterForCharacterInEitherForm() {
        String region = "\u00e9\u20ac\u2028" + EMOJI + "\uFFFD"; // U+2028 inside: at an end it is whitespace
        String body = ACCOUNT.replace("\"r\"", "\"" + region + "\"")
                + ",\"packages\":[{\"package_name\":\"\\ud83d\\ude80\",\"package_version\":\"" + EMOJI + "\"}]}";

        for (APIGatewayProxyRequestEvent request : List.of(post(body),
                base64Post(body.getBytes(StandardCharsets.UTF_8)))) {
            inventory.entries.clear();
            assertThat(handler.handleRequest(request, TestContext.create()).getStatusCode()).isEqualTo(200);
            Ec2Instance stored = inventory.entries.get("i-01aaae43feb712345").ec2Instance();
            assertThat(stored.awsRegion()).isEqualTo(region);
            assertThat(stored.packages()).containsExactly(new InstalledPackage(EMOJI, EMOJI));
        }
    }

    @Test
    void nothingButWhitespaceMayFollowTheObject() {
        String after = "The request body has unexpected content after the JSON object";
        assertRefused(post(ACCOUNT + "} x"), after + " (line 1, column 38)");
        assertRefused(post(ACCOUNT + "}{}"), after + " (line 1, column 37)");
        assertRefused(post(ACCOUNT + "}\r\n  ]"), after + " (line 2, column 3)");
        assertRefused(post(ACCOUNT + "} // the end"), after + " (line 1, column 38)");
        assertRefused(post(ACCOUNT + "}\u0000"), after + " (line 1, column 37)");
    }

    @Test
    void whitespaceAfterTheObjectIsFine() {
        assertThat(handler.handleRequest(post(ACCOUNT + "} \t\r\n "), TestContext.create()).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void nestingIsLimitedTo32Levels() {
        // The body is level 1, so packages' arrays are levels 2 and up.
        assertRefused(post(nestedPackages(32)), "The request body nests deeper than 32 levels");
        assertRefused(post(nestedPackages(31)), "packages[0] must be an object");
    }

    @Test
    void numbersAreLimitedTo100Digits() {
        assertRefused(post("{\"aws_region\":" + "1".repeat(101) + "}"),
                "aws_region has a number longer than 100 digits");
        assertRefused(post("{\"packages\":[{\"package_version\":-0." + "5".repeat(101) + "}]}"),
                "packages[0].package_version has a number longer than 100 digits");
        assertRefused(post("{\"aws_region\":" + "1".repeat(100) + "}"), "aws_region must be a string");
    }

    @Test
    void fieldNamesAreLimitedTo256Characters() {
        assertRefused(post("{\"" + "n".repeat(257) + "\":1}"),
                "The request body has a field name longer than 256 characters");
        assertRefused(post("{\"" + "n".repeat(256) + "\":1}"), "Unknown field '" + "n".repeat(256) + "'");
    }

    @Test
    void stringsAreLimitedToAMillionCharacters() {
        assertRefused(post("{\"aws_region\":\"" + "r".repeat(1_000_001) + "\"}"),
                "aws_region has a string longer than 1000000 characters");
        assertRefused(post(ACCOUNT + ",\"packages\":[{\"package_name\":\"" + "p".repeat(1_000_001) + "\"}]}"),
                "packages[0].package_name has a string longer than 1000000 characters");
        assertRefused(post("{\"aws_region\":\"" + "r".repeat(1_000_000) + "\"}"),
                "aws_region must be at most 30 characters");
    }

    @Test
    void aRepeatedFieldIsNamedByItsPath() {
        assertRefused(post("{\"aws_region\":\"r\",\"aws_region\":\"s\",\"aws_account\":\"1\"}"),
                "Duplicate field 'aws_region'");
        assertRefused(post(ACCOUNT + ",\"packages\":[{\"package_name\":\"a\",\"package_version\":\"1\"},"
                        + "{\"package_name\":\"b\",\"package_version\":\"1\",\"package_name\":\"c\"}]}"),
                "Duplicate field 'packages[1].package_name'");
    }

    private void assertRefused(APIGatewayProxyRequestEvent request, String message) {
        log.lines.clear();
        assertError(log, handler.handleRequest(request, TestContext.create()), 400, message);
        assertThat(inventory.entries).isEmpty();
    }

    private static String notUtf8(String field, int column) {
        String subject = field == null ? "The request body" : field;
        return subject + " must be valid UTF-8 text (line 1, column " + column + ")";
    }

    private static String nestedPackages(int arrays) {
        return "{\"packages\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
    }

    private static APIGatewayProxyRequestEvent post(String body) {
        return EventLoader.loadApiGatewayRestEvent("events/post-ec2-info.json").withBody(body);
    }

    private static APIGatewayProxyRequestEvent base64Post(byte[] body) {
        return post(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
    }

    /** The body in UTF-8, with each {@code \xHH} written as that one byte. */
    private static byte[] bytes(String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String part : body.split("(?=\\\\x[0-9A-F]{2})")) {
            String text = part;
            if (part.startsWith("\\x")) {
                bytes.write(Integer.parseInt(part.substring(2, 4), 16));
                text = part.substring(4);
            }
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
