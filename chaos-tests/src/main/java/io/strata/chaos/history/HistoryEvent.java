package io.strata.chaos.history;

import java.util.List;
import java.util.Objects;

/**
 * One line of a history: an invocation or a completion of one operation.
 *
 * @param index position in the history, dense from 0, in the order the recorder saw the events
 * @param operationId the operation this event belongs to (shared by its invoke and completion)
 * @param process the logical client process; a process runs one operation at a time
 * @param record the record a write or upsert carries; {@code null} for reads
 * @param observed what an acknowledged read returned; empty otherwise
 * @param error why an operation failed or is unknown; {@code null} otherwise
 * @param nanos monotonic timestamp from the recorder's injected clock
 */
public record HistoryEvent(
        long index,
        long operationId,
        int process,
        OperationType type,
        Phase phase,
        String series,
        RecordVersion record,
        List<RecordVersion> observed,
        String error,
        long nanos) {

    public HistoryEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(series, "series");
        observed = observed == null ? List.of() : List.copyOf(observed);
        if (type.writes() && record == null) {
            throw new IllegalArgumentException(type + " operation " + operationId + " carries no record");
        }
        if (record != null && !record.series().equals(series)) {
            throw new IllegalArgumentException("record series " + record.series() + " differs from " + series);
        }
        if (!observed.isEmpty() && !(type == OperationType.READ && phase == Phase.OK)) {
            throw new IllegalArgumentException("only an acknowledged read observes records");
        }
    }
}
