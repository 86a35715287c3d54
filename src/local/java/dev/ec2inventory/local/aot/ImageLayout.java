package dev.ec2inventory.local.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The functions' files as the image holds them in its task root: {@code lib/} with every jar, {@code classpath.txt}
 * naming them one by one (the functions' own jar first, then Maven's order), and {@code lambda-entrypoint.sh}.
 */
final class ImageLayout {

    static final String FUNCTIONS_JAR = "ec2-inventory.jar";

    private ImageLayout() {
    }

    /**
     * Writes the layout into {@code dir} from {@code build} (target/lambda: {@code lib/} and {@code jars.txt}).
     *
     * @return the class path written to {@code classpath.txt}
     */
    static String write(Path dir, Path build, Path entrypoint) throws IOException {
        Path lib = dir.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> old = Files.list(lib)) {
                for (Path jar : old.toList()) {
                    Files.delete(jar);
                }
            }
        }
        Files.createDirectories(lib);
        List<String> classPath = new ArrayList<>();
        for (String jar : jarsInOrder(build)) {
            Files.copy(build.resolve("lib").resolve(jar), lib.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
            classPath.add(lib.resolve(jar).toString());
        }
        String joined = String.join(":", classPath);
        Files.writeString(dir.resolve("classpath.txt"), joined);
        Path copied = dir.resolve("lambda-entrypoint.sh");
        Files.copy(entrypoint, copied, StandardCopyOption.REPLACE_EXISTING);
        if (!copied.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + copied + " executable");
        }
        return joined;
    }

    private static List<String> jarsInOrder(Path build) throws IOException {
        List<String> jars = new ArrayList<>(List.of(FUNCTIONS_JAR));
        for (String entry : Files.readString(build.resolve("jars.txt")).strip().split(":")) {
            jars.add(Path.of(entry).getFileName().toString());
        }
        return jars;
    }
}
