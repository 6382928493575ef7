package io.strata.chaos.check;

import io.strata.chaos.history.History;
import io.strata.chaos.history.Operation;
import io.strata.chaos.history.OperationType;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client's successive acknowledged reads of one series never go backwards: a record it has seen
 * stays visible, at the same or a higher version. Reads whose outcome is unknown returned nothing
 * and are ignored.
 */
public final class MonotonicReadChecker implements HistoryChecker {
    @Override
    public List<Violation> check(History history, FinalRead finalRead) {
        Map<ProcessSeries, Map<RecordKey, Seen>> seenByClient = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (Operation read : history.operations()) {
            if (read.type() != OperationType.READ || !read.acknowledged()) {
                continue;
            }
            Map<RecordKey, Seen> seen = seenByClient.computeIfAbsent(
                    new ProcessSeries(read.process(), read.series()), client -> new LinkedHashMap<>());
            Map<RecordKey, Long> now = new HashMap<>();
            for (RecordVersion record : read.observed()) {
                now.merge(record.key(), record.version(), Math::max);
            }
            for (Map.Entry<RecordKey, Seen> earlier : seen.entrySet()) {
                Long version = now.get(earlier.getKey());
                if (version == null || version < earlier.getValue().version()) {
                    violations.add(new Violation(ViolationKind.NON_MONOTONIC_READ,
                            "process " + read.process() + " saw " + earlier.getKey() + " at version "
                                    + earlier.getValue().version() + ", then "
                                    + (version == null ? "not at all" : "at version " + version),
                            List.of(earlier.getValue().readId(), read.id())));
                }
            }
            for (Map.Entry<RecordKey, Long> observed : now.entrySet()) {
                seen.merge(observed.getKey(), new Seen(observed.getValue(), read.id()),
                        (old, fresh) -> fresh.version() > old.version() ? fresh : old);
            }
        }
        return violations;
    }

    private record ProcessSeries(int process, String series) {}

    private record Seen(long version, long readId) {}
}
