package dev.ec2inventory.bench;

import dev.ec2inventory.local.aot.ClassSources;
import dev.ec2inventory.local.aot.FunctionProcess;
import dev.ec2inventory.local.aot.RuntimeApiStub;
import dev.ec2inventory.local.aot.SampleInvocations;
import dev.ec2inventory.local.aot.StubDataApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Figures 1 and 2: cold starts in fresh processes, interleaved (one process of each kind per round) so that a busy
 * moment of the machine falls on all of them alike, all against one {@link StubDataApi}:
 * <ul>
 * <li>through Lambda's runtime interface client and a loopback Runtime API: the .zip path on the harness's JDK and on
 * JDK 25, for GET and POST, and the image path (JDK 25, the AOT cache that deploy_scripts/aot-cache.sh trains here)
 * for every function;</li>
 * <li>GET through a plain launcher ({@link ColdStartProbe}) on the image's class path and cache;</li>
 * <li>the seed's Python GET handler in fresh interpreters.</li>
 * </ul>
 * {@code BENCH_BASELINE_LAYOUT} adds the image path of another trained layout, to compare two builds in one run.
 */
final class ColdStarts {

    static final String PYTHON_REFERENCE_DIR = "PYTHON_REFERENCE_DIR";
    private static final Path JDK25 = Path.of(System.getenv().getOrDefault("BENCH_JDK25",
            "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);
    private static final String PYTHON = "Python seed (plain launcher)";
    private static final String PLAIN = "image's class path and cache, plain launcher";
    private static final String IMAGE = "image (JDK 25, AOT cache)";
    private static final String BASELINE = "baseline image (JDK 25, AOT cache)";
    private static final List<String> ZIP_FUNCTIONS = List.of("GetEC2InfoLambda", "AddEC2InfoLambda");

    private final Path basedir;
    private final Path work;
    private final int runs;
    private final Map<String, List<Map<String, Long>>> results = new LinkedHashMap<>();

    ColdStarts(Path basedir, Path work, int runs) {
        this.basedir = basedir;
        this.work = work;
        this.runs = runs;
    }

    void measure(Report report) throws IOException, InterruptedException {
        if (!Files.isExecutable(JDK25)) {
            report.row("1 cold start", "ABSENT",
                    "no JDK 25 at " + JDK25 + " (set BENCH_JDK25); figures 1 and 2 skipped");
            return;
        }
        Path layout = trainedLayout();
        List<FunctionLaunch> launches = launches(layout);
        Optional<Path> seed = pythonReference(report);
        try (StubDataApi stub = StubDataApi.start(Duration.ofMinutes(30))) {
            Map<String, String> environment = plainEnvironment(stub);
            for (int run = 0; run < runs; run++) {
                for (ColdStartFunction function : ColdStartFunction.ALL) {
                    for (FunctionLaunch launch : launches) {
                        if (launch.name().contains("image") || ZIP_FUNCTIONS.contains(function.logicalId())) {
                            add(launch.name(), function.logicalId(), throughClient(launch, function, stub));
                        }
                    }
                }
                add(PLAIN, "GetEC2InfoLambda", probe(plainLauncher(layout), environment, "200"));
                if (seed.isPresent()) {
                    add(PYTHON, "GetEC2InfoLambda", probe(List.of("/usr/bin/python3",
                            basedir.resolve("src/bench/python/seed_probe.py").toString(),
                            seed.get().resolve("lambdas").toString(), event("GetEC2InfoLambda").toString()),
                            environment, "200"));
                }
            }
            results.forEach((key, probes) -> reportTimes(report, key, probes));
            for (FunctionLaunch launch : launches) {
                report.row("1 cold start", launch.name() + " · GetEC2InfoLambda: classes",
                        classesLoaded(launch, layout, stub).toString());
            }
        }
        reportRatios(report);
    }

    private void add(String launch, String function, Map<String, Long> probe) {
        results.computeIfAbsent(launch + " · " + function, key -> new ArrayList<>()).add(probe);
    }

    /** The image's task root, as its build lays it out and trains it: deploy_scripts/aot-cache.sh on JDK 25. */
    private Path trainedLayout() throws IOException, InterruptedException {
        Path layout = work.resolve("image");
        ProcessBuilder training = new ProcessBuilder(basedir.resolve("deploy_scripts/aot-cache.sh").toString(),
                layout.toString()).redirectErrorStream(true).redirectOutput(work.resolve("aot-cache.log").toFile());
        training.environment().put("JAVA", JDK25.toString());
        Process process = training.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("aot-cache.sh failed: see " + work.resolve("aot-cache.log"));
        }
        return layout;
    }

    private List<FunctionLaunch> launches(Path layout) throws IOException {
        Path lib = basedir.resolve("target/lambda/lib");
        Path taskRoot = work.resolve("zip-task");
        Files.createDirectories(taskRoot.resolve("lib"));
        List<Path> clientJars = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, taskRoot.resolve("lib").resolve(jar.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
                String name = jar.getFileName().toString();
                if (name.startsWith("aws-lambda-java-") || name.startsWith("utils-lite")) {
                    clientJars.add(jar);
                }
            }
        }
        Path harnessJava = Path.of(System.getProperty("java.home"), "bin", "java");
        List<FunctionLaunch> launches = new ArrayList<>(List.of(
                FunctionLaunch.zip(".zip (JDK " + Runtime.version().feature() + ", no cache)", harnessJava,
                        clientJars, taskRoot, List.of()),
                FunctionLaunch.zip(".zip (JDK 25, no cache)", JDK25, clientJars, taskRoot,
                        List.of("--enable-native-access=ALL-UNNAMED")),
                FunctionLaunch.image(IMAGE, JDK25, layout, "")));
        Optional.ofNullable(System.getenv("BENCH_BASELINE_LAYOUT")).map(Path::of)
                .ifPresent(baseline -> launches.add(FunctionLaunch.image(BASELINE, JDK25, baseline, "")));
        return launches;
    }

    /** One fresh JVM through the runtime client: init, then the function's success event twice. */
    private static Map<String, Long> throughClient(FunctionLaunch launch, ColdStartFunction function,
            StubDataApi stub) throws IOException {
        SampleInvocations.Sample sample = SampleInvocations.of(function.logicalId()).get(0);
        try (RuntimeApiStub runtime = RuntimeApiStub.start();
                FunctionProcess process = launch.start(function.logicalId(), function.handlerClass()
                        + "::handleRequest", runtime, stub.endpoint())) {
            RuntimeApiStub.Answer first = process.answer(sample);
            RuntimeApiStub.Answer second = process.answer(sample);
            long started = process.startedNanos();
            return Map.of("init_us", (runtime.initialized().join() - started) / 1_000,
                    "first_us", first.durationNanos() / 1_000,
                    "second_us", second.durationNanos() / 1_000,
                    "to_first_response_us", (first.answeredNanos() - started) / 1_000,
                    "peak_rss_kb", process.peakRssKb());
        }
    }

    private ClassSources classesLoaded(FunctionLaunch launch, Path layout, StubDataApi stub) throws IOException {
        Path log = work.resolve("classes-" + launch.name().replaceAll("\\W+", "-") + ".log");
        Files.deleteIfExists(log);
        throughClient(launch.loggingClassesTo(log, layout), ColdStartFunction.ALL.get(0), stub);
        return ClassSources.read(log);
    }

    /** GET through {@link ColdStartProbe}, on the image's flags, class path and cache (which must be used). */
    private List<String> plainLauncher(Path layout) throws IOException {
        Path probeDir = work.resolve("probe");
        Path probeClass = probeDir.resolve(ColdStartProbe.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(probeClass.getParent());
        try (InputStream compiled = ColdStartProbe.class.getResourceAsStream(
                ColdStartProbe.class.getSimpleName() + ".class")) {
            Files.copy(compiled, probeClass, StandardCopyOption.REPLACE_EXISTING);
        }
        String classPath = Files.readString(layout.resolve("classpath.txt")).strip() + ":" + probeDir;
        return List.of(JDK25.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxRAMPercentage=75",
                "-Djava.net.preferIPv4Stack=true", "--enable-native-access=ALL-UNNAMED",
                "-XX:AOTCache=" + layout.resolve("app.aot"), "-XX:AOTMode=on",
                "-cp", classPath, ColdStartProbe.class.getName(), ColdStartFunction.ALL.get(0).handlerClass(),
                event("GetEC2InfoLambda").toString(), "statusCode");
    }

    private static void reportTimes(Report report, String key, List<Map<String, Long>> probes) {
        String figure = key.startsWith(PYTHON) ? "2 Python reference" : "1 cold start";
        report.row(figure, key + ": Init", millis(probes, "init_us"));
        report.row(figure, key + ": first invoke", millis(probes, "first_us"));
        report.row(figure, key + ": second invoke", millis(probes, "second_us"));
        report.row(figure, key + ": fresh process to first response", millis(probes, "to_first_response_us"));
        report.row(figure, key + ": peak RSS (VmHWM)",
                summary(probes, "peak_rss_kb", 1.0 / 1024).describe("%.0f", "MiB"));
    }

    private void reportRatios(Report report) {
        results.keySet().stream().filter(key -> key.startsWith(IMAGE)).forEach(key -> {
            double first = summary(results.get(key), "first_us", 1).median();
            double second = summary(results.get(key), "second_us", 1).median();
            report.row("1 cold start", key + ": first / second invoke (medians)",
                    String.format("%.1f× (%.0f / %.0f ms; goal ≤ 2×)", first / second, first / 1000, second / 1000));
        });
        String python = PYTHON + " · GetEC2InfoLambda";
        if (!results.containsKey(python)) {
            return;
        }
        for (String key : results.keySet()) {
            if (key.endsWith("· GetEC2InfoLambda") && !key.equals(python)) {
                report.row("2 Python reference", key + " / Python, fresh process to first GET response (medians)",
                        ratio(key, python, "to_first_response_us"));
            }
        }
    }

    private String ratio(String key, String reference, String measure) {
        double mine = summary(results.get(key), measure, 1).median();
        double theirs = summary(results.get(reference), measure, 1).median();
        return String.format("%.2f× (%.0f ms / %.0f ms)", mine / theirs, mine / 1000, theirs / 1000);
    }

    /** The seed copy PYTHON_REFERENCE_DIR names, when it is there and python3 imports boto3 and the X-Ray SDK. */
    private Optional<Path> pythonReference(Report report) throws IOException, InterruptedException {
        String dir = System.getenv(PYTHON_REFERENCE_DIR);
        if (dir == null || dir.isBlank() || !Files.isRegularFile(Path.of(dir, "lambdas/get_ec2_info.py"))) {
            absent(report, "set " + PYTHON_REFERENCE_DIR + " to a copy of the seed repository"
                    + " (aws-samples/aws-aurora-serverless-data-api-sam) holding lambdas/get_ec2_info.py");
            return Optional.empty();
        }
        Process check = new ProcessBuilder("/usr/bin/python3", "-c", "import boto3, aws_xray_sdk.core")
                .redirectErrorStream(true).start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            absent(report, "/usr/bin/python3 cannot import boto3 and aws_xray_sdk"
                    + " (Debian: apt-get install python3-boto3 python3-aws-xray-sdk)");
            return Optional.empty();
        }
        return Optional.of(Path.of(dir));
    }

    /** Said in the table itself, where the ratio would be, so that no one reads a run without it as complete. */
    private static void absent(Report report, String reason) {
        report.row("2 Python reference", "ABSENT, no Java/Python ratio in this run", reason);
    }

    /** The stub as endpoint, placeholder keys for the SDK's chain, nothing inherited: for the plain launchers. */
    private Map<String, String> plainEnvironment(StubDataApi stub) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        environment.put("LANG", "C.UTF-8");
        environment.put("DB_NAME", "ec2_inventory_db");
        environment.put("DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:ec2-inventory-bench");
        environment.put("DB_CRED_SECRETS_STORE_ARN",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:ec2-inventory-bench");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        environment.put("DATA_API_ENDPOINT", stub.endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        return environment;
    }

    private Path event(String logicalId) {
        return basedir.resolve("events").resolve(logicalId + ".json");
    }

    /** Runs one plain probe process; its last "probe ..." line, with the times since the process was started. */
    private static Map<String, Long> probe(List<String> command, Map<String, String> environment, String success)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        long spawnedEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("probe failed: " + String.join(" ", command) + "\n" + output);
        }
        Map<String, Long> values = parse(output, command, success);
        values.put("to_first_response_us", values.get("first_response_epoch_us") - spawnedEpochMicros);
        return values;
    }

    private static Map<String, Long> parse(String output, List<String> command, String success) {
        String line = output.lines().filter(candidate -> candidate.startsWith("probe ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no probe line from " + command + ":\n" + output));
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring("probe ".length()).trim().split(" ")) {
            String[] keyValue = pair.split("=", 2);
            if (keyValue[0].endsWith("_status")) {
                if (!keyValue[1].equals(success)) {
                    throw new IllegalStateException("probe answered " + keyValue[1] + ", not " + success + ": "
                            + String.join(" ", command) + "\n" + output);
                }
                continue;
            }
            values.put(keyValue[0], Long.parseLong(keyValue[1]));
        }
        return values;
    }

    private static String millis(List<Map<String, Long>> probes, String key) {
        return summary(probes, key, 1e-3).describe("%.0f", "ms");
    }

    private static Summary summary(List<Map<String, Long>> probes, String key, double scale) {
        return Summary.of(probes.stream().map(probe -> probe.get(key) * scale).toList());
    }
}
