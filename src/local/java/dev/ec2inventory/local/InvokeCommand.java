package dev.ec2inventory.local;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.ec2inventory.local.cfn.ResponseCapture;
import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.stack.LocalStack;
import dev.ec2inventory.local.stack.LocalStackOptions;
import dev.ec2inventory.local.stack.LocalStackOptions.Scope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The local equivalent of {@code sam local invoke}: one function, one event file, the response JSON on stdout. A
 * custom-resource function's answer goes to the event's ResponseURL, so for one of those the ResponseURL is replaced
 * by a local capture endpoint and what CloudFormation would have received is printed instead.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Invoke one function of template.yaml with one event file against the local stack, "
                + "and print the response JSON.")
final class InvokeCommand implements Callable<Integer> {

    @Mixin
    LocalOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<LogicalId>", description = "the function's logical id in template.yaml")
    String logicalId;

    @Option(names = "--event", required = true, paramLabel = "<file>", description = "event JSON, e.g. events/GetEC2InfoLambda.json")
    Path eventFile;

    @Override
    public Integer call() {
        try (LocalStack stack = LocalStack.start(new LocalStackOptions(options.template, options.database(), 0, 0,
                Scope.FUNCTIONS, Console::progress))) {
            LocalFunction function = stack.function(logicalId).orElseThrow(() -> new IllegalArgumentException(
                    "template.yaml has no function " + logicalId + "; it has "
                            + stack.functions().stream().map(f -> f.definition().logicalId()).toList()));
            spec.commandLine().getOut().println(invoke(function));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private String invoke(LocalFunction function) {
        Object event = read(function.eventType());
        if (event instanceof CloudFormationCustomResourceEvent customResource) {
            return answerToCloudFormation(function, customResource);
        }
        Object response = function.invoke(event);
        return write(response);
    }

    private static String answerToCloudFormation(LocalFunction function, CloudFormationCustomResourceEvent event) {
        try (ResponseCapture capture = ResponseCapture.start()) {
            URI responseUrl = capture.newResponseUrl();
            event.setResponseUrl(responseUrl.toString());
            function.invoke(event);
            return capture.body(responseUrl).orElseThrow(() -> new IllegalStateException(
                    function.definition().logicalId() + " sent nothing to the ResponseURL"));
        }
    }

    private <T> T read(Class<T> eventType) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(eventType, getClass().getClassLoader());
        try (InputStream in = Files.newInputStream(eventFile)) {
            return serializer.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event file " + eventFile, e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> String write(T response) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor((Class<T>) response.getClass(),
                getClass().getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
