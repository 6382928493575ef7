package io.strata.chaos.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One running child process (a node, ZooKeeper, a test's dummy) with the process faults a nemesis
 * injects: SIGKILL, SIGSTOP and SIGCONT. Its output (stdout and stderr merged) is kept in memory
 * for assertions and appended to a log file for the run's record. Thread-safe.
 *
 * <p>Signals go to the process and its descendants, so wrappers that fork ({@code faketime},
 * shell scripts) are paused and killed with the JVM they start.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread outputPump;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.outputPump = Thread.ofPlatform().daemon().name("output-" + name).start(() -> pump(logFile));
    }

    /**
     * Starts a child.
     *
     * @param environment added to (and overriding) this JVM's environment
     * @param logFile where its output goes; appended to across restarts
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = builder.start();
            process.getOutputStream().close();
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the process and its descendants, then waits until it is gone. */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(EXIT_TIMEOUT);
    }

    /** SIGSTOP: the process stays alive but runs no instruction until {@link #resume()}. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    /** Waits for the process to exit and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not exit within " + timeout);
            }
            outputPump.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
    }

    /** The output lines so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized boolean hasLine(Predicate<String> matching) {
        return lines.stream().anyMatch(matching);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
            kill();
        }
    }

    private void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.descendants().forEach(descendant -> command.add(Long.toString(descendant.pid())));
        HostCommand.check(command.toArray(String[]::new));
    }

    private void pump(Path logFile) {
        try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                }
                log.write(line);
                log.newLine();
                log.flush();
            }
        } catch (IOException e) {
            // The stream closes when the process dies; anything else is lost output only.
        }
    }
}
