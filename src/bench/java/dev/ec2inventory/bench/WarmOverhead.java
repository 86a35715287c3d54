package dev.ec2inventory.bench;

import dev.ec2inventory.api.WarmOverheadBenchmark;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Figure 3: runs {@link WarmOverheadBenchmark} with JMH in a forked JVM with Lambda's flags, and reports p50/p99. */
final class WarmOverhead {

    private WarmOverhead() {
    }

    static void measure(Report report) throws RunnerException {
        System.out.println("[bench] figure 3: JMH, 3 benchmarks x (3 s warm-up + 5 s measured), one fork each");
        Options options = new OptionsBuilder()
                .include(WarmOverheadBenchmark.class.getName() + "\\.")
                .forks(1)
                .jvmArgsAppend(FunctionLaunch.LAMBDA_JVM_FLAGS.toArray(String[]::new))
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            var statistics = result.getPrimaryResult().getStatistics();
            String unit = result.getPrimaryResult().getScoreUnit().replace("/op", "");
            String goal = name.equals("post1000Packages") ? "" : "; goal p50 ≤ 200 µs";
            report.row("3 warm overhead (JMH)", name + ", in-memory Data API, C1 only",
                    String.format("p50 %.1f %s, p99 %.1f %s (%,d samples%s)", statistics.getPercentile(50), unit,
                            statistics.getPercentile(99), unit, statistics.getN(), goal));
        }
    }
}
