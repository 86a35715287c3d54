package dev.ec2inventory.local.sam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a CloudFormation or SAM template into a JSON tree, turning the YAML short forms of intrinsic
 * functions into their long forms: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !Sub s} becomes
 * {@code {"Fn::Sub": "s"}} and {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}, as
 * CloudFormation itself reads them. A plain YAML reader would drop the tags and leave only their arguments.
 */
public final class CloudFormationYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    public static JsonNode read(Path template) {
        try (JsonParser parser = new YAMLFactory().createParser(template.toFile())) {
            parser.nextToken();
            return readValue(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    /** Reads the value at the parser's current token, which starts a scalar, a mapping or a sequence. */
    private static JsonNode readValue(JsonParser parser) throws IOException {
        // The parser reports a node's tag (without its "!") only while on the node's first token.
        Object tag = parser.getTypeId();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> readMapping(parser);
            case START_ARRAY -> readSequence(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + parser.currentToken() + " at " + parser.currentLocation());
        };
        return tag == null ? value : longForm(tag.toString(), value);
    }

    private static ObjectNode readMapping(JsonParser parser) throws IOException {
        ObjectNode mapping = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            mapping.set(key, readValue(parser));
        }
        return mapping;
    }

    private static ArrayNode readSequence(JsonParser parser) throws IOException {
        ArrayNode sequence = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            sequence.add(readValue(parser));
        }
        return sequence;
    }

    private static JsonNode longForm(String function, JsonNode argument) {
        return switch (function) {
            case "Ref", "Condition" -> NODES.objectNode().set(function, argument);
            case "GetAtt" -> NODES.objectNode().set("Fn::GetAtt", getAttArguments(argument));
            default -> NODES.objectNode().set("Fn::" + function, argument);
        };
    }

    /** {@code !GetAtt Resource.Attribute.Path} names the resource before the first dot. */
    private static JsonNode getAttArguments(JsonNode argument) {
        if (!argument.isTextual()) {
            return argument;
        }
        String[] resourceAndAttribute = argument.asText().split("\\.", 2);
        ArrayNode arguments = NODES.arrayNode();
        for (String part : resourceAndAttribute) {
            arguments.add(part);
        }
        return arguments;
    }
}
