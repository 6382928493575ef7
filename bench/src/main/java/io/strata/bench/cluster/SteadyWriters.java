package io.strata.bench.cluster;

import io.strata.client.StrataClient;
import io.strata.client.error.StrataClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Writer threads that keep sending WriteRecords (one blocking call each, the client retrying as it
 * does for any user) and remember when each call was sent and acknowledged, so a benchmark can
 * tell when writes were acknowledged again after a fault.
 *
 * <p>Thread-safe: the writers append, the harness thread reads. Close it to stop the writers.
 */
final class SteadyWriters implements AutoCloseable {
    /** One acknowledged call: when it was sent and when its acknowledgement arrived (System.nanoTime). */
    record Acknowledgement(long sentNanos, long acknowledgedNanos) {}

    private final List<Acknowledgement> acknowledgements = new ArrayList<>();
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /** @param sources one record source per writer (each writer's own series) */
    SteadyWriters(StrataClient client, int writers, int recordsPerRequest, IntFunction<CpuRecordSource> sources) {
        for (int writer = 0; writer < writers; writer++) {
            CpuRecordSource source = sources.apply(writer);
            threads.add(Thread.ofPlatform().name("steady-writer-" + writer).daemon().start(() -> {
                while (!stop.get()) {
                    long sent = System.nanoTime();
                    try {
                        client.writeRecords(source.nextRequest(recordsPerRequest));
                        long acknowledged = System.nanoTime();
                        synchronized (acknowledgements) {
                            acknowledgements.add(new Acknowledgement(sent, acknowledged));
                        }
                    } catch (StrataClientException | IllegalStateException failure) {
                        if (!stop.get()) {
                            failedCalls.incrementAndGet();
                        }
                    }
                }
            }));
        }
    }

    /** Acknowledgement time of the first call sent at or after {@code nanos}, if one was acknowledged yet. */
    OptionalLong firstAcknowledgedSentAfter(long nanos) {
        synchronized (acknowledgements) {
            return acknowledgements.stream().filter(ack -> ack.sentNanos() >= nanos)
                    .mapToLong(Acknowledgement::acknowledgedNanos).min();
        }
    }

    /** Calls acknowledged at or after {@code nanos}. */
    long acknowledgedSince(long nanos) {
        synchronized (acknowledgements) {
            return acknowledgements.stream().filter(ack -> ack.acknowledgedNanos() >= nanos).count();
        }
    }

    /** The longest time between two consecutive acknowledgements within [from, to] (bounds included as edges). */
    Duration longestGap(long fromNanos, long toNanos) {
        List<Long> times = new ArrayList<>();
        synchronized (acknowledgements) {
            for (Acknowledgement ack : acknowledgements) {
                if (ack.acknowledgedNanos() >= fromNanos && ack.acknowledgedNanos() <= toNanos) {
                    times.add(ack.acknowledgedNanos());
                }
            }
        }
        times.sort(null);
        long previous = fromNanos;
        long longest = 0;
        for (long time : times) {
            longest = Math.max(longest, time - previous);
            previous = time;
        }
        return Duration.ofNanos(Math.max(longest, toNanos - previous));
    }

    long failedCalls() {
        return failedCalls.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(90));
        }
    }
}
