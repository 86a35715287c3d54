package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;

/**
 * Events read and written with the functions' own Jackson. A handler with {@code handleRequest(InputStream,
 * OutputStream, Context)} is called through it, so Lambda's runtime loads no shaded serializer of its own.
 */
final class ProxyEventJson {

    /** The events' own property names; fields API Gateway adds that the event classes lack are skipped. */
    private static final ObjectMapper EVENTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final TypeReference<Map<String, Object>> EVENT_MAP = new TypeReference<>() { };

    private ProxyEventJson() {
    }

    static void answer(InputStream input, OutputStream output,
            Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) throws IOException {
        EVENTS.writeValue(output, handler.apply(EVENTS.readValue(input, APIGatewayProxyRequestEvent.class)));
    }

    static void answerMap(InputStream input, OutputStream output,
            Function<Map<String, Object>, Map<String, Object>> handler) throws IOException {
        EVENTS.writeValue(output, handler.apply(EVENTS.readValue(input, EVENT_MAP)));
    }
}
