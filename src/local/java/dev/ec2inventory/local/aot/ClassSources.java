package dev.ec2inventory.local.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What {@code -Xlog:class+load} says of where each class a JVM loaded came from: how many, and how many the cache. */
public record ClassSources(long loaded, long fromCache) {

    public static ClassSources read(Path log) throws IOException {
        Map<Boolean, Long> bySource;
        try (Stream<String> lines = Files.lines(log)) {
            bySource = lines.filter(line -> line.contains(" source: "))
                    .collect(Collectors.partitioningBy(line -> line.contains("source: shared objects file"),
                            Collectors.counting()));
        }
        return new ClassSources(bySource.get(true) + bySource.get(false), bySource.get(true));
    }

    @Override
    public String toString() {
        return String.format("%,d classes loaded, %,d (%.1f%%) from the AOT cache", loaded, fromCache,
                loaded == 0 ? 0 : 100.0 * fromCache / loaded);
    }
}
