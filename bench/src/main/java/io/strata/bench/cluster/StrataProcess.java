package io.strata.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@code strata} child process ({@code dev} or {@code server}): the command line of
 * {@code bin/strata} (same main class, same JVM flags, read from the script) with this JVM's class
 * path, so the cluster runs in its own JVM apart from the load generator. Extra JVM options (heap,
 * a JFR recording) go where bin/strata puts {@code STRATA_JAVA_OPTS}. Its output goes to a log
 * file, which {@link #awaitOutput} reads to wait for a line.
 *
 * <p>Why not exec bin/strata itself: the script runs {@code server/target}'s jar and lib, which a
 * benchmark run from another build may not match; this module's class path is the code it was
 * built with. (Before main's ac246f1 the script's lib also lacked ZooKeeper's {@code metrics-core},
 * so {@code strata dev} did not start from it.)
 *
 * <p>Not thread-safe: one harness thread owns it. {@link #close()} kills it if it still runs, so
 * a benchmark that fails never leaves a process behind.
 */
final class StrataProcess implements AutoCloseable {
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    /** What bin/strata runs. */
    static final String STRATA_MAIN_CLASS = "io.strata.server.StrataCommand";

    private final String name;
    private final Path log;
    private final Process process;
    /** Lines the log had before this process started (a restarted node appends to its old log). */
    private final long linesBefore;

    private StrataProcess(String name, Path log, Process process, long linesBefore) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.linesBefore = linesBefore;
    }

    /**
     * Runs {@code strata <arguments>} in a new JVM with bin/strata's JVM flags, {@code jvmOptions}
     * before them (where bin/strata puts {@code STRATA_JAVA_OPTS}), this JVM's class path, from
     * {@code repository}, output appended to {@code log}.
     */
    static StrataProcess start(String name, Path repository, List<String> arguments, List<String> jvmOptions, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(StrataJvmFlags.of(repository));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), STRATA_MAIN_CLASS));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long linesBefore = Files.exists(log) ? lineCount(log) : 0;
        Files.writeString(log, "### strata " + String.join(" ", arguments) + " (JVM options " + jvmOptions + ")\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new StrataProcess(name, log, builder.start(), linesBefore);
    }

    /** The repository root: {@code -Dstrata.home}, else the first of the working directory and its parents with bin/strata. */
    static Path repositoryRoot() {
        String configured = System.getProperty("strata.home");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("bin/strata")) && Files.isRegularFile(directory.resolve("pom.xml"))) {
                return directory;
            }
        }
        throw new IllegalStateException("No repository root (with bin/strata) above " + Path.of("").toAbsolutePath()
                + "; set -Dstrata.home");
    }

    /**
     * Waits until this process has written a line starting with {@code prefix}.
     *
     * @throws IllegalStateException if the process ends first or {@code timeout} passes (with the log's tail)
     */
    void awaitOutput(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (findLine(prefix).isPresent()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before printing '"
                        + prefix + "'; log " + log + ":\n" + tail());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException(name + " did not print '" + prefix + "' within " + timeout + "; log " + log
                + ":\n" + tail());
    }

    private Optional<String> findLine(String prefix) {
        try {
            try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                return lines.skip(linesBefore).filter(line -> line.startsWith(prefix)).findFirst();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** CPU time the process has used so far (zero if the platform does not say). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** kill -9: no shutdown hook runs, as when a machine loses power. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, so the node closes cleanly (and a JFR recording is written); kill -9 after 30 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
