package io.strata.cli.load;

import io.strata.cli.ErrorLine;
import io.strata.client.error.RecordRejectedException;
import io.strata.client.write.WriteResult;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The outcomes of the records a load wrote: how many were stored and, per reason, how many were
 * not (rejected by the server, or lost with a request that failed as a whole). Outcomes are
 * recorded from the client's threads; reads are consistent enough for progress lines and exact
 * once every outcome is in.
 */
final class LoadCounters {
    private final LongAdder stored = new LongAdder();
    private final LongAdder notStored = new LongAdder();
    private final Map<String, LongAdder> notStoredByReason = new ConcurrentHashMap<>();

    /** Records one record's outcome, as its future completes. */
    void record(WriteResult result, Throwable failure) {
        if (failure == null) {
            stored.increment();
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String reason = cause instanceof RecordRejectedException rejected ? rejected.reason() : ErrorLine.of(cause);
        notStoredByReason.computeIfAbsent(reason, ignored -> new LongAdder()).increment();
        notStored.increment();
    }

    long stored() {
        return stored.sum();
    }

    long notStored() {
        return notStored.sum();
    }

    long outcomes() {
        return stored() + notStored();
    }

    /** Records not stored, per reason, in reason order. */
    SortedMap<String, Long> notStoredByReason() {
        SortedMap<String, Long> reasons = new TreeMap<>();
        notStoredByReason.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return reasons;
    }
}
