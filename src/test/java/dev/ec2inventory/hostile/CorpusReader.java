package dev.ec2inventory.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ec2inventory.hostile.HostileCase.Expected;
import dev.ec2inventory.hostile.HostileCase.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads the corpus: JSON Lines, one case per line; blank lines and lines starting with {@code #} are comments. */
final class CorpusReader {

    static final String RESOURCE = "/hostile/cases.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CASE_FIELDS = Set.of("name", "about", "level", "before", "status", "message",
            "writes", "found", "in_process", "method", "path", "headers", "body", "body_base64", "body_json",
            "body_template", "raw_request");

    private CorpusReader() {
    }

    static List<HostileCase> read() {
        try (InputStream in = CorpusReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HostileCase> parse(String corpus) {
        List<HostileCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = corpus.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                HostileCase parsed = hostileCase(JSON.readTree(line));
                if (!names.add(parsed.name())) {
                    throw new IllegalArgumentException("the name is used twice: " + parsed.name());
                }
                cases.add(parsed);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    private static HostileCase hostileCase(JsonNode node) {
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!CASE_FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "'");
            }
        }
        List<HostileRequest> before = new ArrayList<>();
        node.path("before").forEach(step -> before.add(request(step)));
        Level level = Level.valueOf(node.path("level").asText("both").toUpperCase(Locale.ROOT));
        HostileRequest request = request(node);
        if (request.rawRequest() != null && level != Level.HTTP) {
            throw new IllegalArgumentException("a raw_request only makes sense with \"level\": \"http\"");
        }
        Optional<Expected> inProcess = node.has("in_process")
                ? Optional.of(expected(node.get("in_process"))) : Optional.empty();
        return new HostileCase(required(node, "name"), node.path("about").asText(""), level, request, before,
                expected(node), inProcess);
    }

    private static Expected expected(JsonNode node) {
        if (!node.path("status").isInt()) {
            throw new IllegalArgumentException("status must be an integer");
        }
        String message = node.hasNonNull("message") ? wellFormed(node.get("message").asText()) : null;
        Boolean found = node.hasNonNull("found") ? node.get("found").asBoolean() : null;
        return new Expected(node.get("status").asInt(), message, node.path("writes").asBoolean(false), found);
    }

    private static HostileRequest request(JsonNode node) {
        byte[] raw = node.has("raw_request") ? Templates.expand(wellFormed(node.get("raw_request").asText()),
                OptionalInt.empty()) : null;
        String method = node.path("method").asText(raw == null ? required(node, "method") : "");
        byte[] path = Templates.expand(wellFormed(node.path("path").asText("")), OptionalInt.empty());
        byte[] body = body(node);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (node.has("headers")) {
            node.get("headers").fields().forEachRemaining(header ->
                    headers.add(new SimpleEntry<>(header.getKey(), wellFormed(header.getValue().asText()))));
        } else if (body != null) {
            headers.add(new SimpleEntry<>("Content-Type", "application/json"));
        }
        return new HostileRequest(method, path, headers, body, raw);
    }

    private static byte[] body(JsonNode node) {
        if (node.has("body")) {
            return node.get("body").isNull() ? null
                    : wellFormed(node.get("body").asText()).getBytes(StandardCharsets.UTF_8);
        }
        if (node.has("body_base64")) {
            return Base64.getDecoder().decode(node.get("body_base64").asText());
        }
        if (node.has("body_template")) {
            return Templates.expand(wellFormed(node.get("body_template").asText()), OptionalInt.empty());
        }
        if (node.has("body_json")) {
            try {
                return JSON.writeValueAsBytes(generate(node.get("body_json"), OptionalInt.empty()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    /** {@code body_json} with its strings expanded and each {@code {"$repeat": N, "item": X}} in an array unrolled. */
    private static JsonNode generate(JsonNode node, OptionalInt index) {
        if (node.isTextual()) {
            return TextNode.valueOf(Templates.expandText(wellFormed(node.asText()), index));
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node) {
                if (item.isObject() && item.has("$repeat")) {
                    for (int i = 0; i < item.get("$repeat").asInt(); i++) {
                        array.add(generate(item.get("item"), OptionalInt.of(i)));
                    }
                } else {
                    array.add(generate(item, index));
                }
            }
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> object.set(field.getKey(), generate(field.getValue(), index)));
            return object;
        }
        return node;
    }

    private static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return node.get(field).asText();
    }

    /**
     * Text in the corpus must be well-formed, so that what is sent is what the file says: a lone surrogate is
     * written as the six characters of a JSON escape inside the body's text, or as bytes.
     */
    private static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a lone surrogate at index " + i + ": write it as \\\\ud800 text "
                        + "in a body, or as {{byte:..}} bytes");
            }
        }
        return text;
    }
}
