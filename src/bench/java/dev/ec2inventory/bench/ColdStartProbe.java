package dev.ec2inventory.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main of one cold-start JVM: a stand-in for Lambda's Java runtime. It runs alone on the deployable classpath
 * (target/classes, the runtime-scope jars, and aws-lambda-java-serialization, which Lambda's runtime brings), copied
 * out of the harness into a directory of its own, so it must stay one class with no nested classes.
 *
 * <p>As Lambda does, it loads the handler class and calls its public no-arg constructor (Init), then reads the event
 * with Lambda's serializer for the handler's input type, calls {@code handleRequest} and writes the response with the
 * serializer for its output type (one invoke), twice; a handler with the stream entry point
 * ({@code RequestStreamHandler}) is handed the event's bytes instead, with no serializer, as Lambda's runtime prefers
 * that overload. The class count is read last and includes the ~45 classes of java.lang.management that reading it
 * loads. It prints one line: {@code key=value} pairs the harness parses, the two statuses being the value of the
 * response's field the harness names ({@code statusCode} for an API Gateway proxy response).
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    /** @param args the handler class, the event file, the response's field that says how the invoke went */
    public static void main(String[] args) throws Exception {
        long mainEpochMicros = epochMicros();
        // Lambda's runtime receives the event and its request id from the Runtime API and builds a plain context
        // object: neither a file read, nor a UUID (whose first one seeds a SecureRandom), nor a proxy class spun at
        // run time is part of an invoke's Duration there. So they are made here, before anything is timed.
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Context firstContext = context("8b7f2c1e-0000-4000-8000-000000000001");
        Context secondContext = context("8b7f2c1e-0000-4000-8000-000000000002");
        long started = System.nanoTime();
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        // Given Class::handleRequest, Lambda's runtime calls the overload with the longest signature: the stream one
        // where the class has it, and then it builds no serializer. Otherwise it picks the serializers at init too.
        boolean streams = handler instanceof RequestStreamHandler;
        Method typed = streams ? null : typedEntryPoint(handler.getClass());
        PojoSerializer<Object> in = streams ? null : serializerFor(typed.getGenericParameterTypes()[0]);
        PojoSerializer<Object> out = streams ? null : serializerFor(typed.getGenericReturnType());
        long initialised = System.nanoTime();
        String firstResponse = invoke(handler, in, out, event, firstContext);
        long firstEpochMicros = epochMicros();
        long invokedOnce = System.nanoTime();
        String secondResponse = invoke(handler, in, out, event, secondContext);
        long invokedTwice = System.nanoTime();
        long peakRssKb = peakRssKb();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println("probe main_epoch_us=" + mainEpochMicros + " first_response_epoch_us=" + firstEpochMicros
                + " init_us=" + (initialised - started) / 1_000 + " first_us=" + (invokedOnce - initialised) / 1_000
                + " second_us=" + (invokedTwice - invokedOnce) / 1_000 + " peak_rss_kb=" + peakRssKb
                + " classes=" + classes + " first_status=" + answer(firstResponse, args[2])
                + " second_status=" + answer(secondResponse, args[2]));
    }

    /**
     * The typed overload Lambda's runtime calls where there is no stream one: the declared (not bridge)
     * {@code handleRequest(Input, Context)}, whose generic parameter and return types choose the serializers.
     */
    private static Method typedEntryPoint(Class<?> handlerClass) {
        return Arrays.stream(handlerClass.getMethods())
                .filter(method -> method.getName().equals("handleRequest") && !method.isBridge()
                        && method.getParameterCount() == 2 && method.getParameterTypes()[1] == Context.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(handlerClass + " has no handleRequest(input, Context)"));
    }

    /**
     * Lambda's runtime's choice: its event serializers for the event classes it knows (API Gateway's and the
     * others of aws-lambda-java-events), its Jackson serializer for any other type ({@code Map<String, Object>}
     * and POJOs).
     */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Type type) {
        if (type instanceof Class<?> eventClass
                && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) eventClass,
                    ColdStartProbe.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /**
     * One invoke as Lambda's runtime does it: JSON in, handler, JSON out, through the handler's stream entry point or
     * through the serializers. The response's JSON.
     */
    @SuppressWarnings("unchecked")
    private static String invoke(Object handler, PojoSerializer<Object> in, PojoSerializer<Object> out, byte[] event,
            Context context) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        if (handler instanceof RequestStreamHandler streams) {
            streams.handleRequest(new ByteArrayInputStream(event), written, context);
        } else {
            Object response = ((RequestHandler<Object, Object>) handler).handleRequest(
                    in.fromJson(new ByteArrayInputStream(event)), context);
            out.toJson(response, written);
        }
        return written.toString(StandardCharsets.UTF_8);
    }

    /** The value of the response's {@code field} (a number or a string), read from its JSON without a parser. */
    private static String answer(String response, String field) {
        Matcher value = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"?([^\",}\\s]*)")
                .matcher(response);
        return value.find() ? value.group(1) : "none";
    }

    /** A context with the invoke's own request id; the other properties answer null or zero. */
    private static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> "ColdStartProbe";
                    case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 1024;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "context " + requestId;
                    default -> null;
                });
    }

    /** VmHWM of /proc/self/status: the resident set's high-water mark, in kB; -1 where there is no /proc. */
    private static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1);
    }

    private static long epochMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
