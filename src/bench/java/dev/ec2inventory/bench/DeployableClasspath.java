package dev.ec2inventory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code sam build} copies into the function's artifact: target/classes and the runtime-scope dependencies,
 * whose paths the bench profile writes to target/bench/deployable-classpath.txt.
 */
final class DeployableClasspath {

    private DeployableClasspath() {
    }

    static List<String> read(Path basedir) throws IOException {
        Path listed = basedir.resolve("target/bench/deployable-classpath.txt");
        if (!Files.exists(listed)) {
            throw new IllegalStateException(listed + " is missing: run the harness with mvn -Pbench verify");
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(basedir.resolve("target/classes").toString());
        Arrays.stream(Files.readString(listed).trim().split(":")).filter(entry -> !entry.isBlank())
                .forEach(classpath::add);
        return classpath;
    }
}
