package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.ec2inventory.inventory.TextRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The request body as text, or a 400 saying where it is not UTF-8. A base64 body goes through the JDK's strict decoder:
 * Jackson's byte parser accepts overlong forms and code points above U+10FFFF, and guesses UTF-16 or UTF-32. A plain
 * body is valid unless it has an unpaired surrogate, which {@code String.getBytes} would quietly turn into {@code ?}.
 */
final class RequestBodyText {

    private RequestBodyText() {
    }

    /** The body's text, {@code null} when there is none. */
    static String of(APIGatewayProxyRequestEvent request) {
        String body = request.getBody();
        if (body == null) {
            return null;
        }
        if (!Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            int unpaired = TextRules.firstUnpairedSurrogate(body);
            if (unpaired >= 0) {
                throw notUtf8(body.substring(0, unpaired), "unpaired surrogate at character " + unpaired);
            }
            return body;
        }
        return utf8(base64(body));
    }

    private static byte[] base64(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException notBase64) {
            throw new BadRequestException(StrictJson.NOT_AN_OBJECT, "body flagged base64 is not");
        }
    }

    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // never more UTF-16 units than UTF-8 bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        String text = out.flip().toString();
        if (result.isError()) {
            throw notUtf8(text, "invalid UTF-8 at byte " + in.position());
        }
        return text;
    }

    /** @param validText the text before the first character that is not UTF-8 */
    private static BadRequestException notUtf8(String validText, String detail) {
        String field = stringValueEndingAt(validText);
        return new BadRequestException((field.isEmpty() ? "The request body" : field) + " must be valid UTF-8 text"
                + StrictJson.position(validText, validText.length()), detail);
    }

    /**
     * The path of the string value the text ends inside, or {@code ""} if it ends elsewhere: in a field name, between
     * tokens, or after a syntax error (the body is then refused for its encoding before its syntax).
     */
    private static String stringValueEndingAt(String text) {
        try (JsonParser parser = StrictJson.parser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING && !finishes(parser)) {
                    return StrictJson.path(parser.getParsingContext());
                }
            }
            return "";
        } catch (StreamReadException notThere) {
            return "";
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable); // a String has no I/O to fail
        }
    }

    /** Reads the current string to its end: {@code false} when the text ends first. */
    private static boolean finishes(JsonParser parser) throws IOException {
        try {
            parser.getText();
            return true;
        } catch (JsonEOFException endedInside) {
            return false;
        }
    }
}
