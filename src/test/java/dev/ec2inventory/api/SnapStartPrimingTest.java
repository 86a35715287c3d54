package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a SnapStart snapshot would keep of the preparation step: nothing unique to a sandbox. A fresh JVM
 * ({@link CheckpointProbe}) builds a function's wiring from its environment and runs the hook Lambda calls before the
 * snapshot; then it reports.
 */
class SnapStartPrimingTest {

    @Test
    void theHookBeforeTheSnapshotKeepsNothingUniqueToASandbox() throws IOException, InterruptedException {
        Map<String, String> report = runProbe();

        assertThat(report).as("what the JVM holds after beforeCheckpoint").containsAllEntriesOf(Map.of(
                // nothing reached the Data API: a paused cluster stays paused
                "connections", "0",
                // the rehearsal's loopback exchanges are over: no socket more than before the hook, no server
                // thread, and no idle connection kept by the JDK's HTTP client
                "sockets_opened", "0",
                "threads_left", "[]",
                // the SDK's credentials chain was never asked
                "credential_reads", "0",
                // no UUID was generated (UUID's SecureRandom is made on the first one)
                "uuid_generator", "false",
                // X-Ray's entity storage, which holds trace segments and their id generator, was never touched
                "xray_entity_storage", "false",
                // this thread's ThreadLocalRandom, which the SDK's retry jitter draws from, is still unseeded
                "thread_local_random", "false"));
    }

    private static Map<String, String> runProbe() throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CheckpointProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        assertThat(process.exitValue()).as("the probe's exit status; it printed:%n%s", output).isZero();
        Map<String, String> report = new HashMap<>();
        output.lines().filter(line -> line.matches("[a-z_]+=.*"))
                .forEach(line -> report.put(line.substring(0, line.indexOf('=')),
                        line.substring(line.indexOf('=') + 1)));
        return report;
    }
}
