package dev.ec2inventory.local.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * openapi.yaml as the local runner serves it: the project's document with one change, its target. The local
 * gateway has no authorization and lives at the root of its own origin, so the local copy names that origin as its
 * only server and asks for no SigV4 signature; Swagger UI then sends "Try it out" requests to the local stack,
 * unsigned. Everything else (paths, schemas, examples, errors) is the document itself.
 */
final class LocalApiDocument {

    /**
     * Every string quoted, so none turns into a number or a boolean on the way ({@code '1.0'},
     * {@code '123456789012'}); long lines kept whole and multi-line descriptions as blocks, for a person to read.
     */
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private final JsonNode document;

    private LocalApiDocument(JsonNode document) {
        this.document = document;
    }

    /** Reads the document once; each request renders it for the origin it came to. */
    static LocalApiDocument read(Path file) {
        try {
            return new LocalApiDocument(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The document for a client that reached the local server at {@code origin}, as YAML. */
    String renderFor(URI origin) {
        ObjectNode local = document.deepCopy();
        local.putArray("servers").addObject()
                .put("url", origin.toString())
                .put("description", "This local runner: no authorization, requests go to the local stack");
        local.remove("security");
        local.path("paths").forEach(pathItem -> pathItem.forEach(operation -> {
            if (operation instanceof ObjectNode fields) {
                fields.remove("security");
            }
        }));
        if (local.path("components") instanceof ObjectNode components) {
            components.remove("securitySchemes");
        }
        try {
            return YAML.writeValueAsString(local);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
