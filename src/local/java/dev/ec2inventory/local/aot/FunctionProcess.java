package dev.ec2inventory.local.aot;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function's JVM as Lambda starts one: Lambda's runtime interface client polls {@link RuntimeApiStub} and reaches
 * {@link StubDataApi}. Its environment is built from nothing, so no credentials, profile or region of the machine is
 * read: the SDK signs with a placeholder identity, and nothing leaves 127.0.0.1.
 */
public final class FunctionProcess implements AutoCloseable {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final RuntimeApiStub runtime;
    private final long startedNanos;

    private FunctionProcess(Process process, RuntimeApiStub runtime, long startedNanos) {
        this.process = process;
        this.runtime = runtime;
        this.startedNanos = startedNanos;
    }

    /** Started through the image's entrypoint in {@code layout}, with {@code aotOptions} in place of its own. */
    static FunctionProcess throughEntrypoint(Path layout, Path taskRoot, String function, String handler,
            String aotOptions, RuntimeApiStub runtime, URI dataApi) throws IOException {
        return start(List.of(layout.resolve("lambda-entrypoint.sh").toString(), handler), taskRoot, function,
                handler, Map.of("AOT_OPTIONS", aotOptions), runtime, dataApi, Redirect.INHERIT);
    }

    /**
     * @param command  the JVM's command line, which ends in the runtime interface client and the handler string
     * @param taskRoot the working directory, whose {@code lib/} jars the client's own class loader reads
     * @param handler  the handler string, as ImageConfig.Command gives it
     * @param extra    variables beside Lambda's own and the function's configuration
     * @param output   where the function's standard output and error go
     */
    public static FunctionProcess start(List<String> command, Path taskRoot, String function, String handler,
            Map<String, String> extra, RuntimeApiStub runtime, URI dataApi, Redirect output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                .redirectOutput(output).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
        String java = System.getenv("JAVA");
        environment.clear();
        environment.put("PATH", path);
        if (java != null) {
            environment.put("JAVA", java);
        }
        environment.putAll(extra);
        environment.putAll(lambdaEnvironment(function, handler, taskRoot, runtime));
        environment.putAll(Map.of(
                "AWS_ACCESS_KEY_ID", "training",
                "AWS_SECRET_ACCESS_KEY", "training",
                "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
                "AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000",
                "DB_NAME", "inventory",
                "DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:training",
                "DB_CRED_SECRETS_STORE_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:training",
                "DATA_API_ENDPOINT", dataApi.toString()));
        long startedNanos = System.nanoTime();
        return new FunctionProcess(builder.start(), runtime, startedNanos);
    }

    /** The {@link System#nanoTime()} just before the process was started. */
    public long startedNanos() {
        return startedNanos;
    }

    /** The process's peak resident memory so far ({@code VmHWM}), in KiB. */
    public long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmHWM for process " + process.pid());
    }

    private static Map<String, String> lambdaEnvironment(String function, String handler, Path taskRoot,
            RuntimeApiStub runtime) {
        return Map.of(
                "AWS_LAMBDA_RUNTIME_API", runtime.address(),
                "LAMBDA_TASK_ROOT", taskRoot.toString(),
                "_HANDLER", handler,
                "AWS_REGION", "us-east-1",
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_LAMBDA_FUNCTION_NAME", function,
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024",
                "AWS_LAMBDA_LOG_FORMAT", "JSON",
                "AWS_LAMBDA_LOG_LEVEL", "INFO");
    }

    /** Sends {@code sample} and waits for the answer; fails if it is not the one expected. */
    public RuntimeApiStub.Answer answer(SampleInvocations.Sample sample) throws IOException {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + sample.function();
        CompletableFuture<RuntimeApiStub.Answer> answer = runtime.invoke(arn, sample.event());
        Object first;
        try {
            first = CompletableFuture.anyOf(answer, runtime.initError(), process.onExit())
                    .get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(sample.function() + " " + sample.description() + ": no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!(first instanceof RuntimeApiStub.Answer posted)) {
            throw new IOException(sample.function() + " " + sample.description() + ": the function failed to start"
                    + (first instanceof String initError ? ": " + initError : " (it exited)"));
        }
        if (posted.failed() || !sample.answeredBy(posted.body())) {
            throw new IOException(sample.function() + " " + sample.description() + ": expected " + sample.field()
                    + " " + sample.expected() + ", got " + posted.body());
        }
        return posted;
    }

    /** Ends the JVM as Lambda ends an environment, with SIGTERM; an AOT cache being recorded is written then. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the function's JVM did not exit within " + EXIT_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
