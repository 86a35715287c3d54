package dev.ec2inventory.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Figure 6: what the image holds for the functions: the jars of {@code target/lambda/lib}, which the build's own
 * check (pom.xml, {@code package} phase) keeps under its limit, and the AOT cache figure 1 trained, if it ran.
 */
final class ArtifactSize {

    /** The build's limit, as pom.xml sets it. */
    static final long LIMIT_BYTES = 24L * 1024 * 1024;
    private static final double MIB = 1024 * 1024;

    private ArtifactSize() {
    }

    static void measure(Path basedir, Path work, Report report) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(basedir.resolve("target/lambda/lib"))) {
            jars = files.sorted(Comparator.comparingLong(ArtifactSize::size).reversed()).toList();
        }
        long bytes = jars.stream().mapToLong(ArtifactSize::size).sum();
        report.row("6 artifact", "the image's jars (target/lambda/lib)",
                String.format("%.2f MiB in %d jars; the build fails above %.0f MiB, %.2f MiB left", bytes / MIB,
                        jars.size(), LIMIT_BYTES / MIB, (LIMIT_BYTES - bytes) / MIB));
        report.row("6 artifact", "largest jars", jars.stream().limit(4)
                .map(jar -> String.format("%s %.2f MiB", jar.getFileName(), size(jar) / MIB))
                .reduce((a, b) -> a + ", " + b).orElse("none"));
        Path cache = work.resolve("image/app.aot");
        report.row("6 artifact", "the AOT cache (app.aot)", Files.exists(cache)
                ? String.format("%.1f MiB", size(cache) / MIB) : "not trained in this run (figure 1 trains it)");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
