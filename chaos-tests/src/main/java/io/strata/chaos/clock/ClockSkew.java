package io.strata.chaos.clock;

import io.strata.chaos.process.ToolInstaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A wall-clock offset applied to one node when it is (re)started. */
public record ClockSkew(Duration offset, ClockSkewMethod method) {
    /**
     * The system property {@code strata server} reads as the default of {@code --clock-skew}: it
     * shifts the node's injected {@code Clock}.
     */
    public static final String SYSTEM_PROPERTY = "strata.clock.skew";

    /** Where Debian's {@code faketime} package puts the preload library. */
    public static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

    public ClockSkew {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(method, "method");
    }

    /** Environment variables for the node's process (libfaketime), empty for the property method. */
    public Map<String, String> environment() {
        if (method != ClockSkewMethod.LIBFAKETIME) {
            return Map.of();
        }
        if (!ToolInstaller.ensureFile(LIBFAKETIME, "faketime")) {
            throw new IllegalStateException("libfaketime is not installed and cannot be installed: " + LIBFAKETIME);
        }
        long seconds = offset.toSeconds();
        return Map.of(
                "LD_PRELOAD", LIBFAKETIME.toString(),
                "FAKETIME", (seconds >= 0 ? "+" : "-") + Math.abs(seconds) + "s",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1",
                "FAKETIME_NO_CACHE", "1");
    }

    /** JVM arguments for the node (the system property), empty for libfaketime. */
    public List<String> jvmArguments() {
        return method == ClockSkewMethod.SYSTEM_PROPERTY ? List.of("-D" + SYSTEM_PROPERTY + "=" + offset) : List.of();
    }
}
