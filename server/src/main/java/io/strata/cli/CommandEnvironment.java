package io.strata.cli;

import io.strata.client.StrataClient;
import io.strata.client.transport.RetryPolicy;
import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a command needs from the world besides its arguments: how to connect to a cluster, where
 * interactive input comes from, the clock it times with, and whether a person is at a terminal.
 * Tests give their own (in-process channels, scripted input, a stepping clock).
 *
 * @param connector a connected client for the given endpoints; the command closes it
 * @param input standard input (statements for {@code strata sql} when it is not a terminal)
 * @param clock times queries and loads
 * @param terminal whether standard input and output are a terminal (line editing, progress in place)
 * @param historyFile where the shell keeps its history
 */
public record CommandEnvironment(Function<List<String>, StrataClient> connector, InputStream input, Clock clock,
        boolean terminal, Path historyFile) {
    /**
     * Retries of interactive calls: a person waits for the answer, so an unreachable cluster is
     * reported after seconds rather than after the client's default two minutes.
     */
    public static final RetryPolicy INTERACTIVE_RETRIES = RetryPolicy.defaults().withMaxAttempts(5)
            .withTotalTimeout(Duration.ofSeconds(10));

    public CommandEnvironment {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(historyFile, "historyFile");
    }

    /** The real world: gRPC over the network, standard input, the system clock, {@code ~/.strata_history}. */
    public static CommandEnvironment system() {
        Console console = System.console();
        return new CommandEnvironment(
                endpoints -> StrataClient.builder().endpoints(endpoints).retryPolicy(INTERACTIVE_RETRIES).build(),
                System.in, Clock.systemUTC(), console != null && console.isTerminal(),
                Path.of(System.getProperty("user.home"), ".strata_history"));
    }

    /** A client connected to {@code options}' endpoints. */
    public StrataClient connect(ClusterOptions options) {
        return connector.apply(options.endpoints());
    }
}
