package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * JSON in and out, with the API's field names (snake case of the records' components). A body is read in three
 * steps, each refusing with a message that says where: UTF-8 text ({@link RequestBodyText}), then one JSON object
 * within the parser's limits, read token by token, then an object of the expected shape.
 */
final class StrictJson {

    static final String NOT_AN_OBJECT = "The request body must be a JSON object";
    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final ObjectMapper MAPPER = strictMapper();

    private StrictJson() {
    }

    /** The body as {@code type}; anything but a JSON object of that shape is a {@link BadRequestException}. */
    static <T> T readBody(APIGatewayProxyRequestEvent request, Class<T> type) {
        String body = RequestBodyText.of(request);
        if (body == null || body.isBlank()) {
            throw new BadRequestException(NOT_AN_OBJECT);
        }
        checkSyntax(body);
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException unknown) {
            throw new BadRequestException("Unknown field '" + path(unknown) + "'", unknown.getOriginalMessage());
        } catch (MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                throw new BadRequestException(NOT_AN_OBJECT, mismatch.getOriginalMessage());
            }
            throw new BadRequestException(path(mismatch) + " must be " + kindOf(mismatch.getTargetType()),
                    mismatch.getOriginalMessage());
        } catch (JsonProcessingException malformed) {
            // The syntax was checked first: this is a mapping failure with no more precise message.
            throw new BadRequestException(notJson(malformed), malformed.getOriginalMessage());
        }
    }

    /** One object, no field repeated, nothing after: mapping alone would stop before a limit broken deeper in. */
    static void checkSyntax(String body) {
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
            throw refusal(malformed, path(parser.getParsingContext()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable); // a String has no I/O to fail
        }
    }

    static JsonParser parser(String text) {
        try {
            return MAPPER.createParser(text);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The path of the value a parser is at ({@code packages[2].package_name}), or {@code ""} for the body itself. */
    static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray() && step.getCurrentIndex() >= 0) {
                steps.addFirst("[" + step.getCurrentIndex() + "]");
            } else if (step.inObject() && step.getCurrentName() != null) {
                steps.addFirst("." + step.getCurrentName());
            }
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** {@code " (line l, column c)"} where Jackson stopped, or {@code ""} when it does not know. */
    static String position(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * {@code " (line l, column c)"} of the character at {@code index}, counted as Jackson's text parser counts
     * (lines end at CR, LF or CRLF; columns are UTF-16 units from 1), so that every message of one body agrees.
     */
    static String position(CharSequence text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < index && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\r' || c == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return " (line " + line + ", column " + (index - lineStart + 1) + ")";
    }

    private static String notJson(JsonProcessingException malformed) {
        return "The request body is not valid JSON" + position(malformed.getLocation());
    }

    /** {@code {...} {...}} is two bodies, {@code {...}]} a typo: either may be a bug, so neither is ignored. */
    private static void rejectContentAfter(JsonParser parser, String body) {
        for (int i = (int) parser.currentLocation().getCharOffset(); i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw new BadRequestException("The request body has unexpected content after the JSON object"
                        + position(body, i), "content after the object at character " + i);
            }
        }
    }

    private static BadRequestException refusal(JsonProcessingException failure, String path) {
        String detail = failure.getOriginalMessage();
        if (failure instanceof StreamConstraintsException) {
            return new BadRequestException(limitBroken(detail, path.isEmpty() ? "The request body" : path, failure),
                    detail);
        }
        // Jackson's strict duplicate detection has no exception type of its own.
        if (failure instanceof JsonParseException && detail.startsWith("Duplicate field '")) {
            return new BadRequestException("Duplicate field '" + path + "'", detail);
        }
        // A field name whose escapes spell an unpaired surrogate is valid JSON but not text UTF-8 can carry.
        if (failure instanceof JsonParseException && detail.contains("surrogate")) {
            return new BadRequestException("The request body must be valid UTF-8 text"
                    + position(failure.getLocation()), detail);
        }
        return new BadRequestException(notJson(failure), detail);
    }

    /** Jackson reports every limit with one exception type, whose message names the limit by its getter. */
    private static String limitBroken(String detail, String where, JsonProcessingException failure) {
        if (detail.contains("getMaxNestingDepth")) {
            return "The request body nests deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (detail.contains("getMaxNumberLength")) {
            return where + " has a number longer than " + MAX_NUMBER_LENGTH + " digits";
        }
        if (detail.contains("getMaxNameLength")) {
            return "The request body has a field name longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (detail.contains("getMaxStringLength")) {
            return where + " has a string longer than " + MAX_STRING_LENGTH + " characters";
        }
        return notJson(failure);
    }

    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String kindOf(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type != null && (Collection.class.isAssignableFrom(type) || type.isArray())) {
            return "an array";
        }
        return "an object";
    }

    /** Limits set here rather than left to Jackson's defaults, which change between versions. */
    private static ObjectMapper strictMapper() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build();
        JsonMapper mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // Jackson turns 123456789012 into "123456789012" by default; the contract says these fields are strings.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
