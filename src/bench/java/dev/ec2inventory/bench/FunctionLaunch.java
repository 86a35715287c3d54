package dev.ec2inventory.bench;

import dev.ec2inventory.local.aot.FunctionProcess;
import dev.ec2inventory.local.aot.RuntimeApiStub;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How figure 1 starts a function's JVM through Lambda's runtime interface client: as Lambda's managed runtime runs a
 * .zip (the client and its jars on the class path, the function's jars read from the task root's {@code lib/} by the
 * client's own class loader), or as the image runs it (its entrypoint, every jar on the class path, the AOT cache).
 *
 * @param name     how the table names it
 * @param command  the command line without the handler string, which is appended
 * @param taskRoot the working directory
 * @param extra    environment variables beside the function's own
 */
record FunctionLaunch(String name, List<String> command, Path taskRoot, Map<String, String> extra) {

    private static final String CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** Lambda's flags for Java functions: C1 only (the JIT that compiles soonest), the serial collector. */
    static final List<String> LAMBDA_JVM_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** A .zip on Lambda's managed runtime, on {@code java}; {@code clientJars} are what that runtime brings. */
    static FunctionLaunch zip(String name, Path java, List<Path> clientJars, Path taskRoot, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", String.join(":", clientJars.stream().map(Path::toString).toList()), CLIENT));
        return new FunctionLaunch(name, command, taskRoot, Map.of());
    }

    /** The image: its entrypoint in {@code layout}, on {@code java}, with {@code aotOptions} if not empty. */
    static FunctionLaunch image(String name, Path java, Path layout, String aotOptions) {
        Map<String, String> extra = aotOptions.isEmpty() ? Map.of("JAVA", java.toString())
                : Map.of("JAVA", java.toString(), "AOT_OPTIONS", aotOptions);
        return new FunctionLaunch(name, List.of(layout.resolve("lambda-entrypoint.sh").toString()), layout, extra);
    }

    /** The same launch, its JVM logging each class it loads into {@code log}. */
    FunctionLaunch loggingClassesTo(Path log, Path layout) {
        String option = "-Xlog:class+load=info:file=" + log;
        if (extra.containsKey("JAVA")) {
            String cache = extra.getOrDefault("AOT_OPTIONS", "-XX:AOTCache=" + layout.resolve("app.aot"));
            return new FunctionLaunch(name, command, taskRoot,
                    Map.of("JAVA", extra.get("JAVA"), "AOT_OPTIONS", cache + " " + option));
        }
        List<String> logging = new ArrayList<>(command);
        logging.add(1, option);
        return new FunctionLaunch(name, logging, taskRoot, extra);
    }

    FunctionProcess start(String function, String handler, RuntimeApiStub runtime, URI dataApi) throws IOException {
        List<String> full = new ArrayList<>(command);
        full.add(handler);
        return FunctionProcess.start(full, taskRoot, function, handler, extra, runtime, dataApi,
                ProcessBuilder.Redirect.DISCARD);
    }
}
