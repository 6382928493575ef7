package io.strata.cli.testing;

import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.strata.cli.CommandEnvironment;
import io.strata.client.StrataClient;
import io.strata.client.transport.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A test double of a Strata node: an in-process gRPC server with canned queries, a recording write
 * service and a map-backed catalog, and the {@link CommandEnvironment} that connects commands to it.
 */
public final class TestNode implements AutoCloseable {
    public final CannedQueryService queries = new CannedQueryService();
    public final RecordingWriteService writes = new RecordingWriteService();
    public final CatalogAdminService catalog = new CatalogAdminService();

    private final String name = "strata-cli-test-" + UUID.randomUUID();
    private final Server server;

    public TestNode() {
        try {
            server = InProcessServerBuilder.forName(name).addService(queries).addService(writes).addService(catalog).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commands connected to this node, with {@code input} as standard input, timed by {@code clock}, not on a terminal. */
    public CommandEnvironment environment(String input, Clock clock, Path historyFile) {
        InputStream stdin = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        return new CommandEnvironment(endpoints -> StrataClient.builder().endpoints(endpoints)
                .channelFactory(endpoint -> InProcessChannelBuilder.forName(name).build())
                .retryPolicy(RetryPolicy.noRetries()).jitterSeed(1).build(), stdin, clock, false, historyFile);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }
}
