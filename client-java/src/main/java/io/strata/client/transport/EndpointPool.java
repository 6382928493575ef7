package io.strata.client.transport;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The channels to a cluster's endpoints and which one calls go to now. Every call uses the current
 * endpoint; when one fails as unavailable, {@link #failedOver(int)} moves all callers to the next
 * endpoint, round robin. Any node serves every call, so there is no leader to look for.
 *
 * <p>Thread-safe: concurrent failures of the same endpoint move the pool on once, not once per call.
 */
public final class EndpointPool implements AutoCloseable {
    private final List<String> endpoints;
    private final List<ManagedChannel> channels;
    private final AtomicInteger current = new AtomicInteger();

    /**
     * @param endpoints the endpoints, {@code host:port}, in the order to try them
     * @param channelFactory opens a channel to one endpoint
     */
    public EndpointPool(List<String> endpoints, Function<String, ManagedChannel> channelFactory) {
        this.endpoints = List.copyOf(endpoints);
        if (this.endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one endpoint is needed");
        }
        this.channels = this.endpoints.stream().map(channelFactory).map(Objects::requireNonNull).toList();
    }

    /** Index of the endpoint calls go to now. */
    public int currentIndex() {
        return current.get();
    }

    /** The channel of endpoint {@code index}. */
    public ManagedChannel channel(int index) {
        return channels.get(index);
    }

    /** The endpoint {@code index} as given ({@code host:port}). */
    public String endpoint(int index) {
        return endpoints.get(index);
    }

    /** Number of endpoints. */
    public int size() {
        return endpoints.size();
    }

    /**
     * Records that endpoint {@code failedIndex} is unavailable: if calls still go to it, they go to
     * the next one from now on.
     */
    public void failedOver(int failedIndex) {
        current.compareAndSet(failedIndex, (failedIndex + 1) % endpoints.size());
    }

    /** Shuts every channel down, waiting up to {@code timeout} for calls in flight to end. */
    public void close(Duration timeout) {
        for (ManagedChannel channel : channels) {
            channel.shutdown();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ManagedChannel channel : channels) {
            try {
                if (!channel.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    channel.shutdownNow();
                }
            } catch (InterruptedException e) {
                channel.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
