package io.strata.client.testing;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.strata.client.StrataClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A test double of one Strata node: an in-process gRPC server running the given test services,
 * reachable by the client as endpoint {@code <name>:1}.
 */
public final class InProcessNode implements AutoCloseable {
    private final String name;
    private final Server server;

    private InProcessNode(String name, Server server) {
        this.name = name;
        this.server = server;
    }

    /** Starts a node serving {@code services}. */
    public static InProcessNode start(BindableService... services) {
        return start(List.of(), services);
    }

    /** Starts a node serving {@code services} behind {@code interceptors}. */
    public static InProcessNode start(List<ServerInterceptor> interceptors, BindableService... services) {
        String name = "strata-test-" + UUID.randomUUID();
        InProcessServerBuilder builder = InProcessServerBuilder.forName(name);
        for (BindableService service : services) {
            builder.addService(ServerInterceptors.intercept(service, interceptors));
        }
        try {
            return new InProcessNode(name, builder.build().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint the client is given for this node. */
    public String endpoint() {
        return name + ":1";
    }

    /** Kills the node: calls in flight fail, new calls find no server (UNAVAILABLE). */
    public void kill() {
        server.shutdownNow();
    }

    /** A client builder whose endpoints are {@code nodes}, in order, over in-process channels. */
    public static StrataClient.Builder clientFor(InProcessNode... nodes) {
        return StrataClient.builder()
                .endpoints(Arrays.stream(nodes).map(InProcessNode::endpoint).toList())
                .jitterSeed(42)
                .channelFactory(InProcessNode::channelTo);
    }

    /** An in-process channel to the node named by {@code endpoint}. */
    public static ManagedChannel channelTo(String endpoint) {
        return InProcessChannelBuilder.forName(endpoint.substring(0, endpoint.lastIndexOf(':'))).build();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }
}
