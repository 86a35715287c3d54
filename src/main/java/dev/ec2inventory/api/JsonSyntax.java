package dev.ec2inventory.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The first reading of a body, token by token before any field is mapped: one JSON object, within the parser's
 * limits, no field repeated in an object, nothing but whitespace after it. Each refusal says where, by line and
 * column or by the path of the field. (Mapping alone stops at the first value of the wrong shape, so it would never
 * reach, say, the 33rd level of an array nested where a package belongs.)
 */
final class JsonSyntax {

    static final String NOT_AN_OBJECT = "The request body must be a JSON object";

    private JsonSyntax() {
    }

    static void check(String body) {
        JsonParser parser = parser(body);
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequestException(NOT_AN_OBJECT, "the body starts with " + parser.currentToken());
            }
            while (!parser.getParsingContext().inRoot()) {
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    parser.getText(); // strings are read lazily: this is where their length is checked
                }
            }
            rejectContentAfter(parser, body);
        } catch (JsonProcessingException malformed) {
            throw refusal(malformed, JsonPosition.path(parser.getParsingContext()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable); // a String has no I/O to fail
        }
    }

    /** "The request body is not valid JSON (line 1, column 9)". */
    static String notJson(JsonProcessingException malformed) {
        return "The request body is not valid JSON" + JsonPosition.of(malformed.getLocation());
    }

    static JsonParser parser(String text) {
        try {
            return ApiJson.MAPPER.createParser(text);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** {@code {...} {...}} is two bodies, {@code {...}]} a typo: either may be a bug, so neither is ignored. */
    private static void rejectContentAfter(JsonParser parser, String body) {
        for (int i = (int) parser.currentLocation().getCharOffset(); i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw new BadRequestException("The request body has unexpected content after the JSON object"
                        + JsonPosition.of(body, i), "content after the object at character " + i);
            }
        }
    }

    private static BadRequestException refusal(JsonProcessingException failure, String path) {
        if (failure instanceof StreamConstraintsException broken) {
            return new BadRequestException(ParserLimits.message(broken, path).orElse(notJson(broken)),
                    broken.getOriginalMessage());
        }
        // Jackson's strict duplicate detection has no exception type of its own.
        if (failure instanceof JsonParseException parse && parse.getOriginalMessage().startsWith("Duplicate field '")) {
            return new BadRequestException("Duplicate field '" + path + "'", parse.getOriginalMessage());
        }
        // A field name whose escapes spell an unpaired surrogate is valid JSON but not text UTF-8 can carry; Jackson
        // refuses it while decoding the name ("Broken surrogate pair in field name", "Unexpected low surrogate ...").
        if (failure instanceof JsonParseException parse && parse.getOriginalMessage().contains("surrogate")) {
            return new BadRequestException("The request body must be valid UTF-8 text"
                    + JsonPosition.of(failure.getLocation()), parse.getOriginalMessage());
        }
        return new BadRequestException(notJson(failure), failure.getOriginalMessage());
    }
}
