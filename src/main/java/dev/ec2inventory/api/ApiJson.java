package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Collection;

/**
 * JSON in and out, with the API's field names ({@code aws_instance_id}: snake case of the records' components) and
 * strict reading, in three steps, each refusing with a message that says where: the bytes must be UTF-8
 * ({@link RequestBodyText}), the text one JSON object within the parser's limits ({@link JsonSyntax}), and the object
 * of the expected shape: no unknown fields, no numbers where text belongs.
 */
final class ApiJson {

    static final ObjectMapper MAPPER = strictMapper();

    private ApiJson() {
    }

    /** The body as {@code type}; anything but a JSON object of that shape is a {@link BadRequestException}. */
    static <T> T readBody(APIGatewayProxyRequestEvent request, Class<T> type) {
        String body = RequestBodyText.of(request);
        if (body == null || body.isBlank()) {
            throw new BadRequestException(JsonSyntax.NOT_AN_OBJECT);
        }
        JsonSyntax.check(body);
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException unknown) {
            throw new BadRequestException("Unknown field '" + path(unknown) + "'", unknown.getOriginalMessage());
        } catch (MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                throw new BadRequestException(JsonSyntax.NOT_AN_OBJECT, mismatch.getOriginalMessage());
            }
            throw new BadRequestException(path(mismatch) + " must be " + kindOf(mismatch.getTargetType()),
                    mismatch.getOriginalMessage());
        } catch (JsonProcessingException malformed) {
            // The syntax was checked first: this is a mapping failure with no more precise message.
            throw new BadRequestException(JsonSyntax.notJson(malformed), malformed.getOriginalMessage());
        }
    }

    /** {@code packages[2].package_name}: the JSON path of the offending value. */
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

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(ParserLimits.CONSTRAINTS)
                        .build())
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
