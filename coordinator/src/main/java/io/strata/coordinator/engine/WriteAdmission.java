package io.strata.coordinator.engine;

import io.strata.core.error.ThrottlingException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's bound on WriteRecords work in progress: the serialized bytes of the requests it has
 * taken and not yet answered. A request that would take the total past the bound is refused at
 * once with {@link ThrottlingException} (429, retryable), so a node facing more writers than it can
 * commit pushes back on them instead of queueing requests in its heap without end.
 *
 * <p>A request is always admitted when nothing else is in progress, so one request larger than the
 * bound (the bound is small, or a request is large) is not refused for ever.
 *
 * <p>Thread-safe and lock-free: any thread may admit and release. Every successful
 * {@link #admit} must be followed by exactly one {@link #release} of the same bytes.
 */
public final class WriteAdmission {
    /** No bound: every request is admitted. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    private final long maxInFlightBytes;
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final AtomicLong throttledRequests = new AtomicLong();

    /** @param maxInFlightBytes the most request bytes in progress at once, positive */
    public WriteAdmission(long maxInFlightBytes) {
        if (maxInFlightBytes <= 0) {
            throw new IllegalArgumentException("maxInFlightBytes must be positive, was " + maxInFlightBytes);
        }
        this.maxInFlightBytes = maxInFlightBytes;
    }

    /**
     * Takes {@code requestBytes} of the bound.
     *
     * @throws ThrottlingException when they do not fit next to the requests already in progress
     */
    public void admit(long requestBytes) {
        while (true) {
            long current = inFlightBytes.get();
            if (current > 0 && current > maxInFlightBytes - requestBytes) {
                throttledRequests.incrementAndGet();
                throw new ThrottlingException("The node is writing " + current + " bytes of WriteRecords requests, "
                        + "its limit is " + maxInFlightBytes + ". Retry the request with backoff.");
            }
            if (inFlightBytes.compareAndSet(current, current + requestBytes)) {
                return;
            }
        }
    }

    /** Gives back what {@link #admit} took, once the request is answered. */
    public void release(long requestBytes) {
        inFlightBytes.addAndGet(-requestBytes);
    }

    /** Request bytes in progress now. */
    public long inFlightBytes() {
        return inFlightBytes.get();
    }

    /** Requests refused with {@link ThrottlingException} so far. */
    public long throttledRequests() {
        return throttledRequests.get();
    }

    public long maxInFlightBytes() {
        return maxInFlightBytes;
    }
}
