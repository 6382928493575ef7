package io.strata.chaos.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short host command (ip, iptables, mount, kill) to completion. Fault injection is a
 * sequence of these; a command that hangs is killed after the timeout so a run cannot stall.
 */
public final class HostCommand {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private HostCommand() {}

    public static CommandResult run(String... command) {
        return run(DEFAULT_TIMEOUT, List.of(command));
    }

    public static CommandResult run(Duration timeout, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // Output is small; reading it to the end also waits for the command to close its streams.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            return new CommandResult(command, process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    /** Runs the command and throws with its output if it exits non-zero. */
    public static String check(String... command) {
        CommandResult result = run(command);
        if (!result.succeeded()) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' exited " + result.exitCode() + ": "
                    + result.output());
        }
        return result.output();
    }

    /** Whether an executable of that name is on the PATH. */
    public static boolean available(String executable) {
        try {
            return run(Duration.ofSeconds(10), List.of("sh", "-c", "command -v " + executable)).succeeded();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
