package io.strata.bench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags {@code bin/strata} passes (its {@code jvm_flags=( ... )} array), read from the
 * script so that child processes run exactly as the command runs, whatever flags it gains later.
 */
final class StrataJvmFlags {
    private StrataJvmFlags() {}

    static List<String> of(Path repository) throws IOException {
        List<String> lines = Files.readAllLines(repository.resolve("bin/strata"), StandardCharsets.UTF_8);
        List<String> flags = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("jvm_flags=(")) {
                inside = true;
            } else if (inside && trimmed.equals(")")) {
                return List.copyOf(flags);
            } else if (inside && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                flags.add(trimmed);
            }
        }
        throw new IllegalStateException("no jvm_flags=( ... ) array in " + repository.resolve("bin/strata"));
    }
}
