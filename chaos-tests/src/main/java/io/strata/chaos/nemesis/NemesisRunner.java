package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Plays a {@link Schedule} against a cluster: waits until each fault's start offset, injects it,
 * waits its duration, heals it. Faults are applied in schedule order on the calling thread. A fault
 * whose nemesis cannot run on this cluster is skipped and reported as such; a fault that fails to
 * inject is reported and the run goes on. Every injected fault is healed, also when the thread is
 * interrupted (the run stopping early).
 */
public final class NemesisRunner {
    private final Map<FaultKind, Nemesis> nemeses = new EnumMap<>(FaultKind.class);
    private final LongSupplier monotonicNanos;
    private final PrintStream log;

    public NemesisRunner(List<Nemesis> nemeses, LongSupplier monotonicNanos, PrintStream log) {
        for (Nemesis nemesis : nemeses) {
            this.nemeses.put(nemesis.kind(), nemesis);
        }
        this.monotonicNanos = monotonicNanos;
        this.log = log;
    }

    /** Runs the schedule from {@code startNanos} (on the same monotonic clock) and returns what happened. */
    public List<FaultRecord> run(Schedule schedule, ClusterUnderTest cluster, long startNanos) {
        List<FaultRecord> records = new ArrayList<>();
        for (ScheduledFault fault : schedule.faults()) {
            if (!waitUntil(startNanos + fault.start().toNanos())) {
                break;
            }
            Nemesis nemesis = nemeses.get(fault.kind());
            Optional<String> unavailable = nemesis == null
                    ? Optional.of("no nemesis configured for " + fault.kind())
                    : nemesis.unavailableReason(cluster);
            if (unavailable.isPresent()) {
                records.add(report(new FaultRecord(fault, "skipped: " + unavailable.get(), "", -1, -1)));
                continue;
            }
            Nemesis.Injection injection;
            long injectedAt = monotonicNanos.getAsLong();
            try {
                injection = nemesis.inject(cluster, fault);
            } catch (RuntimeException e) {
                records.add(report(new FaultRecord(fault, "failed: " + e.getMessage(), "", -1, -1)));
                cluster.healAll();
                continue;
            }
            log.println("[nemesis] inject " + fault + " — " + injection.description());
            boolean completed = waitUntil(startNanos + fault.end().toNanos());
            try {
                injection.heal();
            } finally {
                records.add(report(new FaultRecord(fault, "injected", injection.description(), injectedAt,
                        monotonicNanos.getAsLong())));
            }
            if (!completed) {
                break;
            }
        }
        return List.copyOf(records);
    }

    private FaultRecord report(FaultRecord record) {
        log.println("[nemesis] " + record);
        return record;
    }

    /** Parks until the deadline; false if interrupted (the run is stopping). */
    private boolean waitUntil(long deadlineNanos) {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            long remaining = deadlineNanos - monotonicNanos.getAsLong();
            if (remaining <= 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(remaining, 100_000_000L));
        }
    }
}
