package io.strata.chaos.check;

import io.strata.chaos.history.History;
import io.strata.chaos.history.Operation;
import io.strata.chaos.history.Phase;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Nothing appears that was never written: every record in the final read, and every record an
 * acknowledged read returned, is exactly (series, time, value, version) what some write or upsert
 * carried that did not definitely fail. A read must also not return a record whose only writers
 * were invoked after the read completed.
 */
public final class PhantomChecker implements HistoryChecker {
    @Override
    public List<Violation> check(History history, FinalRead finalRead) {
        WritesByRecord writes = new WritesByRecord(history);
        List<Violation> violations = new ArrayList<>();
        for (Operation read : history.operations()) {
            if (read.isWrite() || !read.acknowledged()) {
                continue;
            }
            for (RecordVersion record : read.observed()) {
                List<Operation> writers = writes.writersOf(record);
                boolean possible = writers.stream().anyMatch(writer ->
                        writer.outcome() != Phase.FAIL
                                && writer.invokedNanos() <= read.completedNanos());
                if (!possible) {
                    List<Long> evidence = new ArrayList<>();
                    evidence.add(read.id());
                    evidence.addAll(WritesByRecord.ids(writers));
                    violations.add(new Violation(ViolationKind.PHANTOM,
                            "read of " + read.series() + " returned " + record + ", " + reason(writers),
                            evidence));
                }
            }
        }
        for (RecordVersion record : finalRead.records()) {
            if (!writes.possiblyWritten(record)) {
                List<Operation> writers = writes.writersOf(record);
                violations.add(new Violation(ViolationKind.PHANTOM,
                        "final read returned " + record + ", " + reason(writers), WritesByRecord.ids(writers)));
            }
        }
        return violations;
    }

    private static String reason(List<Operation> writers) {
        if (writers.isEmpty()) {
            return "which no operation wrote";
        }
        if (writers.stream().allMatch(writer -> writer.outcome() == Phase.FAIL)) {
            return "which only failed operations wrote";
        }
        return "which was written only after the read completed";
    }
}
