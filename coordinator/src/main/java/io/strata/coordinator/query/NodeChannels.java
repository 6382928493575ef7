package io.strata.coordinator.query;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel per peer address ({@code host:port}), opened on first use and kept: channels
 * reconnect by themselves, so a node that restarts on the same address is reached again.
 * Thread-safe.
 */
public final class NodeChannels implements AutoCloseable {
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    ManagedChannel channel(String address) {
        return channels.computeIfAbsent(address, target -> NettyChannelBuilder.forTarget(target).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build());
    }

    @Override
    public void close() throws InterruptedException {
        channels.values().forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel channel : channels.values()) {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
        channels.clear();
    }
}
