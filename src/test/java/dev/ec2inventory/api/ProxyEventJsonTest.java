package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handlers' stream entry point reads and writes API Gateway's events as Lambda's own serializer does, so that
 * Lambda's runtime, which calls that entry point in preference to the typed one, changes nothing a handler sees or
 * answers.
 */
class ProxyEventJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ClassLoader LOADER = ProxyEventJsonTest.class.getClassLoader();

    static Stream<Path> events() throws IOException {
        List<Path> events = new ArrayList<>(List.of(Path.of("events/GetEC2InfoLambda.json"),
                Path.of("events/AddEC2InfoLambda.json")));
        try (Stream<Path> fixtures = Files.list(Path.of("src/test/resources/events"))) {
            fixtures.filter(path -> !path.getFileName().toString().endsWith("-response.json")).sorted()
                    .forEach(events::add);
        }
        return events.stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void readsEachEventAsLambdasSerializerDoes(Path event) throws IOException {
        byte[] json = Files.readAllBytes(event);
        PojoSerializer<APIGatewayProxyRequestEvent> lambdas =
                LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, LOADER);
        AtomicReference<APIGatewayProxyRequestEvent> read = new AtomicReference<>();

        ProxyEventJson.answer(new ByteArrayInputStream(json), new ByteArrayOutputStream(), request -> {
            read.set(request);
            return new APIGatewayProxyResponseEvent().withStatusCode(200);
        });

        JsonNode ours = PLAIN.valueToTree(read.get());
        JsonNode theirs = PLAIN.valueToTree(lambdas.fromJson(new ByteArrayInputStream(json)));
        assertThat(ours).isEqualTo(theirs);
    }

    @Test
    void writesTheResponseAsLambdasSerializerDoes() throws IOException {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent().withStatusCode(503)
                .withHeaders(Map.of("Content-Type", "application/json", "Retry-After", "5"))
                .withBody("{\"error_message\": \"é \\u2028\"}").withIsBase64Encoded(false);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream lambdas = new ByteArrayOutputStream();

        ProxyEventJson.answer(new ByteArrayInputStream("{}".getBytes()), ours, request -> response);
        LambdaEventSerializers.serializerFor(APIGatewayProxyResponseEvent.class, LOADER).toJson(response, lambdas);

        assertThat(PLAIN.readTree(ours.toByteArray())).isEqualTo(withoutNulls(PLAIN.readTree(lambdas.toByteArray())));
    }

    @Test
    void theStreamEntryPointAnswersAsTheTypedOne() throws IOException {
        FunctionWiring wiring = LoggedLines.quiet(new InMemoryInventory());
        GetEc2InfoHandler handler = new GetEc2InfoHandler(wiring);
        byte[] json = Files.readAllBytes(Path.of("events/GetEC2InfoLambda.json"));
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(json), streamed, null);
        PojoSerializer<APIGatewayProxyRequestEvent> lambdas =
                LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, LOADER);
        APIGatewayProxyResponseEvent typed = handler.handleRequest(lambdas.fromJson(new ByteArrayInputStream(json)),
                null);

        assertThat(PLAIN.readValue(streamed.toByteArray(), APIGatewayProxyResponseEvent.class))
                .usingRecursiveComparison().isEqualTo(typed);
    }

    private static JsonNode withoutNulls(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        List<String> nulls = new ArrayList<>();
        copy.fieldNames().forEachRemaining(name -> {
            if (copy.get(name).isNull()) {
                nulls.add(name);
            }
        });
        copy.remove(nulls);
        return copy;
    }
}
