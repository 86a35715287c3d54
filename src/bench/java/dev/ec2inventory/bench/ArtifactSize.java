package dev.ec2inventory.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Figure 6: the deployable artifact, as {@code sam build} lays it out (the classes at the root, the runtime jars in
 * lib/): its bytes on disk, and the zip Lambda receives. The build's own check (pom.xml, {@code package} phase)
 * fails above 15 MiB on disk.
 */
final class ArtifactSize {

    /** The build's limit: 15 MiB. */
    static final long LIMIT_BYTES = 15L * 1024 * 1024;
    private static final double MIB = 1024 * 1024;

    private ArtifactSize() {
    }

    static void measure(Path basedir, Path work, Report report) throws IOException {
        List<Path> entries = DeployableClasspath.read(basedir).stream().map(Path::of).toList();
        Path classes = entries.get(0);
        List<Path> jars = entries.subList(1, entries.size());
        long classBytes = bytesUnder(classes);
        long jarBytes = 0;
        for (Path jar : jars) {
            jarBytes += Files.size(jar);
        }
        Path zip = work.resolve("function.zip");
        zip(classes, jars, zip);
        report.row("6 artifact", "deployable size on disk: classes + runtime jars",
                String.format("%.2f MiB = %,d bytes (classes %.2f MiB, %d jars %.2f MiB); the build fails above"
                        + " 15 MiB, %.2f MiB left", (classBytes + jarBytes) / MIB, classBytes + jarBytes,
                        classBytes / MIB, jars.size(), jarBytes / MIB, (LIMIT_BYTES - classBytes - jarBytes) / MIB));
        report.row("6 artifact", "deployment zip (classes at the root, jars in lib/)",
                String.format("%.2f MiB", Files.size(zip) / MIB));
        String largest = jars.stream().sorted(Comparator.comparingLong(ArtifactSize::size).reversed()).limit(4)
                .map(jar -> String.format("%s %.2f MiB", jar.getFileName(), size(jar) / MIB))
                .reduce((a, b) -> a + ", " + b).orElse("none");
        report.row("6 artifact", "largest runtime jars", largest);
    }

    private static long bytesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(ArtifactSize::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void zip(Path classes, List<Path> jars, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> classFiles = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) classFiles.filter(Files::isRegularFile)::iterator) {
                add(out, classes.relativize(path).toString(), path);
            }
            for (Path jar : jars) {
                add(out, "lib/" + jar.getFileName(), jar);
            }
        }
    }

    private static void add(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        Files.copy(file, out);
        out.closeEntry();
    }
}
