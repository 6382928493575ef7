package io.strata.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gauges registered for one Raft group or shard. Closing removes them from the exposition, as the
 * node does when the group moves away; closing twice is harmless.
 */
public final class GaugeRegistration implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters;
    private final AtomicBoolean closed = new AtomicBoolean();

    GaugeRegistration(MeterRegistry registry, List<Meter> meters) {
        this.registry = registry;
        this.meters = List.copyOf(meters);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            meters.forEach(registry::remove);
        }
    }
}
