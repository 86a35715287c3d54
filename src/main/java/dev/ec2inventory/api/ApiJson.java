package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonLocation;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;

/**
 * JSON in and out, with the API's field names ({@code aws_instance_id}: snake case of the records' components) and
 * strict reading: unknown fields, repeated fields, trailing text and numbers where text belongs are all refused, each
 * with a message that names the field.
 */
final class ApiJson {

    static final ObjectMapper MAPPER = strictMapper();

    private ApiJson() {
    }

    /** The body as {@code type}; anything but a JSON object of that shape is a {@link BadRequestException}. */
    static <T> T readBody(APIGatewayProxyRequestEvent request, Class<T> type) {
        String body = bodyText(request);
        if (body == null || body.isBlank()) {
            throw new BadRequestException("The request body must be a JSON object");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new BadRequestException("The request body must be a JSON object", "the body is JSON null");
            }
            return value;
        } catch (UnrecognizedPropertyException unknown) {
            throw new BadRequestException("Unknown field '" + path(unknown) + "'", unknown.getOriginalMessage());
        } catch (MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                throw new BadRequestException("The request body must be a JSON object", mismatch.getOriginalMessage());
            }
            throw new BadRequestException(path(mismatch) + " must be " + kindOf(mismatch.getTargetType()),
                    mismatch.getOriginalMessage());
        } catch (JsonProcessingException malformed) {
            throw new BadRequestException("The request body is not valid JSON" + where(malformed.getLocation()),
                    malformed.getOriginalMessage());
        }
    }

    private static String bodyText(APIGatewayProxyRequestEvent request) {
        String body = request.getBody();
        if (body == null || !Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new BadRequestException("The request body must be a JSON object", "body flagged base64 is not");
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

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
