package io.strata.chaos.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Records operations as client processes run them. Thread-safe: any number of client threads call
 * it at once. The event index and the timestamp are taken under one lock, so the recording order
 * is also timestamp order — the real-time order the checkers use.
 */
public final class HistoryRecorder {
    private final LongSupplier monotonicNanos;
    private final List<HistoryEvent> events = new ArrayList<>();
    private final Map<Long, HistoryEvent> open = new HashMap<>();
    private long nextOperationId;

    /** @param monotonicNanos a monotonic clock, {@code System::nanoTime} outside tests */
    public HistoryRecorder(LongSupplier monotonicNanos) {
        this.monotonicNanos = Objects.requireNonNull(monotonicNanos, "monotonicNanos");
    }

    public long invokeWrite(int process, RecordVersion record) {
        return invoke(process, OperationType.WRITE, record.series(), record);
    }

    public long invokeUpsert(int process, RecordVersion record) {
        return invoke(process, OperationType.UPSERT, record.series(), record);
    }

    public long invokeRead(int process, String series) {
        return invoke(process, OperationType.READ, series, null);
    }

    /** The write was acknowledged. */
    public void ok(long operationId) {
        complete(operationId, Phase.OK, List.of(), null);
    }

    /** The read was answered with these records. */
    public void okRead(long operationId, List<RecordVersion> observed) {
        complete(operationId, Phase.OK, observed, null);
    }

    /** The operation definitely did not take effect. */
    public void fail(long operationId, String error) {
        complete(operationId, Phase.FAIL, List.of(), error);
    }

    /** The operation's outcome is unknown. */
    public void info(long operationId, String error) {
        complete(operationId, Phase.INFO, List.of(), error);
    }

    public synchronized History snapshot() {
        return History.of(events);
    }

    private synchronized long invoke(int process, OperationType type, String series, RecordVersion record) {
        long id = nextOperationId++;
        HistoryEvent event = new HistoryEvent(
                events.size(), id, process, type, Phase.INVOKE, series, record, List.of(), null, monotonicNanos.getAsLong());
        events.add(event);
        open.put(id, event);
        return id;
    }

    private synchronized void complete(long operationId, Phase phase, List<RecordVersion> observed, String error) {
        HistoryEvent invocation = open.remove(operationId);
        if (invocation == null) {
            throw new IllegalStateException("operation " + operationId + " is not open");
        }
        events.add(new HistoryEvent(events.size(), operationId, invocation.process(), invocation.type(), phase,
                invocation.series(), invocation.record(), observed, error, monotonicNanos.getAsLong()));
    }
}
