package io.strata.bench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} arguments of a benchmark main. Unknown names are refused (a typo must not
 * silently run the defaults for minutes).
 */
public final class BenchArguments {
    private final Map<String, String> values = new HashMap<>();

    public BenchArguments(String[] args, Set<String> known) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in pairs --name value: " + Arrays.toString(args));
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || !known.contains(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: --" + String.join(", --", known));
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    public int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    public List<Integer> integers(String name, List<Integer> fallback) {
        return values.containsKey(name)
                ? Arrays.stream(values.get(name).split(",")).map(String::trim).map(Integer::parseInt).toList()
                : fallback;
    }

    /** Seconds as a whole number, e.g. {@code --measure-seconds 15}. */
    public Duration seconds(String name, Duration fallback) {
        return values.containsKey(name) ? Duration.ofMillis(Math.round(Double.parseDouble(values.get(name)) * 1000))
                : fallback;
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public Path path(String name, Path fallback) {
        return values.containsKey(name) ? Path.of(values.get(name)).toAbsolutePath() : fallback;
    }

    public boolean flag(String name, boolean fallback) {
        return values.containsKey(name) ? Boolean.parseBoolean(values.get(name)) : fallback;
    }
}
