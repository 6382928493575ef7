package io.strata.chaos.check;

import io.strata.chaos.history.History;
import io.strata.chaos.history.Operation;
import io.strata.chaos.history.OperationType;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads are linearizable per record: a read invoked after a write was acknowledged returns that
 * record at the acknowledged version or a higher one. This holds across clients, which is what
 * the read-index barrier promises.
 */
public final class StaleReadChecker implements HistoryChecker {
    @Override
    public List<Violation> check(History history, FinalRead finalRead) {
        Map<String, List<Operation>> acknowledgedWrites = new HashMap<>();
        for (Operation operation : history.operations()) {
            if (operation.isWrite() && operation.acknowledged()) {
                acknowledgedWrites.computeIfAbsent(operation.series(), series -> new ArrayList<>()).add(operation);
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (Operation read : history.operations()) {
            if (read.type() != OperationType.READ || !read.acknowledged()) {
                continue;
            }
            Map<RecordKey, Long> observed = new HashMap<>();
            for (RecordVersion record : read.observed()) {
                observed.merge(record.key(), record.version(), Math::max);
            }
            for (Operation write : acknowledgedWrites.getOrDefault(read.series(), List.of())) {
                if (write.completedNanos() >= read.invokedNanos()) {
                    continue;
                }
                Long version = observed.get(write.record().key());
                if (version == null || version < write.record().version()) {
                    violations.add(new Violation(ViolationKind.STALE_READ,
                            "read by process " + read.process() + " began after " + write.record()
                                    + " was acknowledged but returned "
                                    + (version == null ? "no such record" : "version " + version),
                            List.of(write.id(), read.id())));
                }
            }
        }
        return violations;
    }
}
