package dev.ec2inventory.bench;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Figures 1 and 2: cold starts of every request-serving function ({@link ColdStartFunction#ALL}) in fresh JVMs, and
 * of the seed's Python GET handler in fresh interpreters, all against one {@link StubDataApi}, interleaved (one
 * process of each per round) so that a busy moment of the machine falls on all of them alike. The schema migration
 * function is not started: see {@link #NOT_MEASURED}.
 */
final class ColdStarts {

    /** Lambda's flags for Java functions: C1 only (the JIT that compiles soonest), the serial collector. */
    static final List<String> LAMBDA_JVM_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    static final String PYTHON_REFERENCE_DIR = "PYTHON_REFERENCE_DIR";
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);
    private static final String PYTHON = "Python seed get_ec2_info";
    private static final String PYTHON_SUCCESS = "200";
    /** template.yaml's one function that serves no request, and why figure 1 leaves it out, said in its table. */
    private static final String NOT_MEASURED = "SchemaMigrationFunction";
    private static final String NOT_MEASURED_BECAUSE = "not measured: it runs once per deploy (the InventorySchema"
            + " custom resource, Flyway through the Data API driver), not per request, and a stub's fixed answers"
            + " cannot stand in for a migration";

    private final Path basedir;
    private final Path work;
    private final int runs;

    ColdStarts(Path basedir, Path work, int runs) {
        this.basedir = basedir;
        this.work = work;
        this.runs = runs;
    }

    void measure(Report report) throws IOException, InterruptedException {
        List<String> javaCommand = javaCommand();
        Optional<Path> seed = pythonReference(report);
        Map<String, List<Map<String, Long>>> results = new LinkedHashMap<>();
        try (StubDataApi stub = StubDataApi.start(Duration.ofMinutes(20))) {
            Map<String, String> environment = functionEnvironment(stub);
            for (int run = 0; run < runs; run++) {
                for (ColdStartFunction function : ColdStartFunction.ALL) {
                    List<String> command = new ArrayList<>(javaCommand);
                    command.addAll(List.of(function.handlerClass(), event(function.logicalId()).toString(),
                            function.answerField()));
                    // As in Lambda, which names the function's handler in _HANDLER.
                    Map<String, String> lambdas = new HashMap<>(environment);
                    lambdas.put("_HANDLER", function.handlerClass() + "::handleRequest");
                    results.computeIfAbsent(function.logicalId(), key -> new ArrayList<>())
                            .add(probe(command, lambdas, function.success()));
                }
                if (seed.isPresent()) {
                    List<String> command = List.of("/usr/bin/python3",
                            basedir.resolve("src/bench/python/seed_probe.py").toString(),
                            seed.get().resolve("lambdas").toString(), event("GetEC2InfoLambda").toString());
                    results.computeIfAbsent(PYTHON, key -> new ArrayList<>())
                            .add(probe(command, environment, PYTHON_SUCCESS));
                }
            }
        }
        ColdStartFunction.ALL.forEach(function -> reportFunction(report, function.logicalId(),
                results.get(function.logicalId())));
        report.row("1 cold start", NOT_MEASURED, NOT_MEASURED_BECAUSE);
        ColdStartFunction.ALL.forEach(function -> reportInvokeRatio(report, function.logicalId(),
                results.get(function.logicalId())));
        if (seed.isPresent()) {
            reportFunction(report, PYTHON, results.get(PYTHON));
            reportRatio(report, results);
        }
    }

    private void reportFunction(Report report, String name, List<Map<String, Long>> probes) {
        String figure = name.equals(PYTHON) ? "2 Python reference" : "1 cold start";
        report.row(figure, name + ": process start to main / handler module", millis(probes, "to_main_us"));
        report.row(figure, name + ": Init (constructor / module import)", millis(probes, "init_us"));
        report.row(figure, name + ": first invoke Duration", millis(probes, "first_us"));
        report.row(figure, name + ": second invoke Duration", millis(probes, "second_us"));
        report.row(figure, name + ": fresh process to first response", millis(probes, "to_first_response_us"));
        report.row(figure, name + ": peak RSS (VmHWM)",
                summary(probes, "peak_rss_kb", 1.0 / 1024).describe("%.0f", "MiB"));
        if (!name.equals(PYTHON)) {
            report.row(figure, name + ": classes loaded", summary(probes, "classes", 1).describe("%.0f", ""));
        }
    }

    /** The goal of issue 12 for every function: its first invoke at most twice as long as its second. */
    private static void reportInvokeRatio(Report report, String name, List<Map<String, Long>> probes) {
        double first = summary(probes, "first_us", 1).median();
        double second = summary(probes, "second_us", 1).median();
        report.row("1 cold start", name + ": first invoke / second invoke (medians)",
                String.format("%.1f× (%.0f ms / %.0f ms; goal ≤ 2×)", first / second, first / 1000, second / 1000));
    }

    private void reportRatio(Report report, Map<String, List<Map<String, Long>>> results) {
        double java = summary(results.get("GetEC2InfoLambda"), "to_first_response_us", 1).median();
        double python = summary(results.get(PYTHON), "to_first_response_us", 1).median();
        report.row("2 Python reference", "Java/Python, fresh process to first GET response (medians)",
                String.format("%.2f× (%.0f ms / %.0f ms; goal ≤ 1.5×)", java / python, java / 1000, python / 1000));
    }

    /** The seed copy PYTHON_REFERENCE_DIR names, when it is there and python3 imports boto3 and the X-Ray SDK. */
    private Optional<Path> pythonReference(Report report) throws IOException, InterruptedException {
        String dir = System.getenv(PYTHON_REFERENCE_DIR);
        if (dir == null || dir.isBlank()) {
            absent(report, "set " + PYTHON_REFERENCE_DIR + " to a copy of the seed"
                    + " repository (aws-samples/aws-aurora-serverless-data-api-sam) holding lambdas/get_ec2_info.py;"
                    + " figure 2 skipped");
            return Optional.empty();
        }
        Path seed = Path.of(dir);
        if (!Files.isRegularFile(seed.resolve("lambdas/get_ec2_info.py"))) {
            absent(report, seed + "/lambdas/get_ec2_info.py does not exist;"
                    + " figure 2 skipped");
            return Optional.empty();
        }
        Process check = new ProcessBuilder("/usr/bin/python3", "-c", "import boto3, aws_xray_sdk.core")
                .redirectErrorStream(true).start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            absent(report, "/usr/bin/python3 cannot import boto3 and aws_xray_sdk"
                    + " (Debian: apt-get install python3-boto3 python3-aws-xray-sdk); figure 2 skipped");
            return Optional.empty();
        }
        return Optional.of(seed);
    }

    /** Said in the table itself, where the ratio would be, so that no one reads a run without it as complete. */
    private static void absent(Report report, String reason) {
        report.row("2 Python reference", "ABSENT, no Java/Python ratio in this run", reason);
    }

    /** java with Lambda's flags on exactly the deployable classpath, plus what Lambda's runtime brings. */
    private List<String> javaCommand() throws IOException {
        Path probeDir = work.resolve("probe");
        Path probeClass = probeDir.resolve(ColdStartProbe.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(probeClass.getParent());
        try (InputStream compiled = ColdStartProbe.class.getResourceAsStream(
                ColdStartProbe.class.getSimpleName() + ".class")) {
            Files.copy(compiled, probeClass, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> classpath = new ArrayList<>(DeployableClasspath.read(basedir));
        classpath.add(lambdaSerializationJar());
        classpath.add(probeDir.toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", String.join(":", classpath), ColdStartProbe.class.getName()));
        return command;
    }

    /** Lambda's runtime deserialises events with aws-lambda-java-serialization: the harness has it at test scope. */
    private static String lambdaSerializationJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(":"))
                .filter(entry -> entry.contains("aws-lambda-java-serialization"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("aws-lambda-java-serialization is not on the classpath"));
    }

    /** template.yaml's variables, the stub as endpoint, placeholder keys for the SDK's chain; nothing inherited. */
    private Map<String, String> functionEnvironment(StubDataApi stub) throws IOException {
        Path home = Files.createDirectories(work.resolve("home"));
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", home.toString());
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

    /**
     * Runs one probe process; its last "probe ..." line, with the times since the process was started.
     *
     * @param success the status both invokes must report
     */
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
        values.put("to_main_us", values.get("main_epoch_us") - spawnedEpochMicros);
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
