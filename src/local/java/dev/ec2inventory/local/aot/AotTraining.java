package dev.ec2inventory.local.aot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The functions' AOT cache, trained and checked (deploy_scripts/aot-cache.sh runs this):
 * <ul>
 * <li>{@code train DIR BUILD ENTRYPOINT}: lays out {@code BUILD} under {@code DIR} ({@link ImageLayout}); then one
 * JVM, started by the image's entrypoint under {@code -XX:AOTCacheOutput}, answers every function's
 * {@link SampleInvocations} through Lambda's runtime interface client, and writes {@code DIR/app.aot} as it ends.</li>
 * <li>{@code check DIR [FUNCTION...]}: each function in a JVM of its own, with its real handler and
 * {@code -XX:AOTMode=on} (which refuses to run without the cache), answers its samples; the share of its classes that
 * came from the cache is printed.</li>
 * </ul>
 */
public final class AotTraining {

    private static final String ROUTER = TrainingRouter.class.getName() + "::handleRequest";

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        boolean train = args.length == 4 && args[0].equals("train");
        if (!train && !(args.length >= 2 && args[0].equals("check"))) {
            System.err.println("usage: AotTraining train DIR BUILD ENTRYPOINT | check DIR [FUNCTION...]");
            System.exit(2);
        }
        if (Runtime.version().feature() < 25) {
            System.err.println("aot-cache: " + System.getProperty("java.home") + " is Java " + Runtime.version()
                    + "; the AOT cache needs JDK 25 or later (set JAVA)");
            System.exit(1);
        }
        Path layout = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        try {
            if (train) {
                ImageLayout.write(layout, Path.of(args[2]), Path.of(args[3]));
                train(layout);
            } else {
                check(layout, args.length > 2 ? List.of(args).subList(2, args.length)
                        : List.copyOf(SampleInvocations.HANDLERS.keySet()));
            }
        } catch (IOException failure) {
            System.err.println("aot-cache: " + failure.getMessage());
            System.exit(1);
        }
    }

    private static void train(Path layout) throws IOException, URISyntaxException {
        Path cache = layout.resolve("app.aot");
        Files.deleteIfExists(cache);
        List<SampleInvocations.Sample> samples = SampleInvocations.all();
        Path taskRoot = Files.createTempDirectory("aot-training");
        try (StubDataApi dataApi = StubDataApi.start(Duration.ofMinutes(10));
                RuntimeApiStub runtime = RuntimeApiStub.start();
                FunctionProcess function = FunctionProcess.throughEntrypoint(layout, routerTaskRoot(taskRoot),
                        "training", ROUTER, "-XX:AOTCacheOutput=" + cache, runtime, dataApi.endpoint())) {
            for (SampleInvocations.Sample sample : samples) {
                function.answer(sample);
                System.out.println("aot-cache: " + sample.function() + ", " + sample.description() + ": "
                        + sample.field() + " " + sample.expected());
            }
        } finally {
            deleteTree(taskRoot);
        }
        requireFile(cache, "the AOT cache");
        System.out.printf("aot-cache: %d events answered; %s written (%d MiB)%n", samples.size(), cache,
                Files.size(cache) >> 20);
    }

    private static void check(Path layout, List<String> functions) throws IOException {
        requireFile(layout.resolve("app.aot"), "app.aot");
        Path taskRoot = Files.createTempDirectory("aot-check");
        try (StubDataApi dataApi = StubDataApi.start(Duration.ofMinutes(10))) {
            for (String function : functions) {
                String handler = SampleInvocations.HANDLERS.get(function);
                if (handler == null) {
                    throw new IOException("no function named " + function + " is trained");
                }
                checkOne(layout, taskRoot, function, handler + "::handleRequest", dataApi);
            }
        } finally {
            deleteTree(taskRoot);
        }
    }

    private static void checkOne(Path layout, Path taskRoot, String function, String handler, StubDataApi dataApi)
            throws IOException {
        Path classLog = taskRoot.resolve(function + "-classes.log");
        List<SampleInvocations.Sample> samples = SampleInvocations.of(function);
        try (RuntimeApiStub runtime = RuntimeApiStub.start();
                FunctionProcess process = FunctionProcess.throughEntrypoint(layout, taskRoot, function, handler,
                        "-XX:AOTCache=" + layout.resolve("app.aot") + " -XX:AOTMode=on -Xlog:class+load=info:file="
                                + classLog, runtime, dataApi.endpoint())) {
            for (SampleInvocations.Sample sample : samples) {
                process.answer(sample);
            }
        }
        ClassSources sources = ClassSources.read(classLog);
        System.out.printf("aot-cache: %s answered %d events under -XX:AOTMode=on; %s%n", function, samples.size(),
                sources);
    }

    /**
     * The training's task root: the directory this class came from, or {@code scratch} with this class's jar in its
     * {@code lib/}. The router is read from there by the client's own class loader, not from the class path.
     */
    private static Path routerTaskRoot(Path scratch) throws IOException, URISyntaxException {
        Path source = Path.of(AotTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(source)) {
            return source;
        }
        Path lib = Files.createDirectories(scratch.resolve("lib"));
        Files.copy(source, lib.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return scratch;
    }

    private static void requireFile(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(what + " was not written: " + file);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
