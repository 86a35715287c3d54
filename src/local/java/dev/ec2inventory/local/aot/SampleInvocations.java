package dev.ec2inventory.local.aot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the AOT training run sends each function: the sample event of {@code events/} (its success) and the refusals a
 * client meets most, each with the answer it must get. The migration function is left out: it runs once per deploy,
 * and its classes are mostly Flyway's.
 */
public final class SampleInvocations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One event for one function.
     *
     * @param function the function's logical id in template.yaml, which names its event file
     * @param field    the answer's field that tells the outcome: an API event's {@code statusCode}, or the
     *                 state-change function's {@code outcome}
     * @param expected that field's value
     */
    public record Sample(String function, String description, byte[] event, String field, String expected) {

        /** Whether {@code answer}, as the function posted it, is the one expected. */
        public boolean answeredBy(String answer) {
            try {
                return expected.equals(JSON.readTree(answer).path(field).asText());
            } catch (IOException notJson) {
                return false;
            }
        }
    }

    /** Each function's handler class, by the logical id template.yaml gives the function, in its order. */
    public static final Map<String, String> HANDLERS = handlers();

    private SampleInvocations() {
    }

    private static Map<String, String> handlers() {
        Map<String, String> handlers = new LinkedHashMap<>();
        handlers.put("AddEC2InfoLambda", "dev.ec2inventory.api.AddEc2InfoHandler");
        handlers.put("GetEC2InfoLambda", "dev.ec2inventory.api.GetEc2InfoHandler");
        handlers.put("DeleteEC2InfoLambda", "dev.ec2inventory.api.DeleteEc2InfoHandler");
        handlers.put("ReplaceEC2PackagesLambda", "dev.ec2inventory.api.ReplaceEc2PackagesHandler");
        handlers.put("ListEC2InfoLambda", "dev.ec2inventory.api.ListEc2InfoHandler");
        handlers.put("GetPackageLambda", "dev.ec2inventory.api.GetPackageHandler");
        handlers.put("Ec2StateChangeLambda", "dev.ec2inventory.api.Ec2StateChangeLambda");
        return Collections.unmodifiableMap(handlers);
    }

    /** Every function's samples, the functions in template.yaml's order. */
    public static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        samples.add(api("AddEC2InfoLambda", "success", "200", event -> { }));
        samples.add(api("AddEC2InfoLambda", "malformed JSON", "400", event -> event.put("body", "{\"aws_region\": ")));
        samples.add(api("AddEC2InfoLambda", "missing field", "400", event -> event.put("body", "{\"aws_region\": "
                + "\"us-east-1\", \"packages\": []}")));
        samples.add(api("GetEC2InfoLambda", "found", "200", event -> { }));
        samples.add(api("GetEC2InfoLambda", "id too long", "400", SampleInvocations::invalidId));
        samples.add(api("DeleteEC2InfoLambda", "success", "200", event -> { }));
        samples.add(api("DeleteEC2InfoLambda", "id too long", "400", SampleInvocations::invalidId));
        samples.add(api("ReplaceEC2PackagesLambda", "success", "200", event -> { }));
        samples.add(api("ReplaceEC2PackagesLambda", "packages not a list", "400",
                event -> event.put("body", "{\"packages\": \"package-1\"}")));
        samples.add(api("ListEC2InfoLambda", "filtered page", "200", event -> { }));
        samples.add(api("ListEC2InfoLambda", "limit out of range", "400",
                event -> event.putObject("queryStringParameters").put("limit", "0")));
        samples.add(api("GetPackageLambda", "versions", "200", event -> { }));
        samples.add(new Sample("Ec2StateChangeLambda", "terminated", eventOf("Ec2StateChangeLambda", event -> { }),
                "outcome", "deleted"));
        samples.add(new Sample("Ec2StateChangeLambda", "running", eventOf("Ec2StateChangeLambda",
                event -> ((ObjectNode) event.get("detail")).put("state", "running")), "outcome", "ignored"));
        return samples;
    }

    /** {@code function}'s samples, its success first. */
    public static List<Sample> of(String function) {
        return all().stream().filter(sample -> sample.function().equals(function)).toList();
    }

    private static Sample api(String function, String description, String status, Consumer<ObjectNode> change) {
        return new Sample(function, description, eventOf(function, change), "statusCode", status);
    }

    private static void invalidId(ObjectNode event) {
        event.putObject("pathParameters").put("aws_instance_id", "i-" + "0".repeat(256));
    }

    private static byte[] eventOf(String function, Consumer<ObjectNode> change) {
        String resource = "/function-events/" + function + ".json";
        try (InputStream in = SampleInvocations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            change.accept(event);
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
