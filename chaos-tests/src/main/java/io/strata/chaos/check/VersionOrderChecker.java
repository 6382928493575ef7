package io.strata.chaos.check;

import io.strata.chaos.history.History;
import io.strata.chaos.history.Operation;
import io.strata.chaos.history.Phase;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Per record, the highest acknowledged version wins, unless a higher version whose outcome is
 * unknown took effect. The final version must therefore be at least the highest acknowledged one,
 * and if it is higher it must come from an operation that did not definitely fail.
 */
public final class VersionOrderChecker implements HistoryChecker {
    @Override
    public List<Violation> check(History history, FinalRead finalRead) {
        WritesByRecord writes = new WritesByRecord(history);
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<RecordKey, List<RecordVersion>> entry : finalRead.byKey().entrySet()) {
            RecordVersion winner = entry.getValue().stream()
                    .max(Comparator.comparingLong(RecordVersion::version)).orElseThrow();
            List<Operation> writers = writes.writersOf(entry.getKey());
            Operation highestAcknowledged = writers.stream()
                    .filter(Operation::acknowledged)
                    .max(Comparator.comparingLong(operation -> operation.record().version()))
                    .orElse(null);
            List<Operation> winnerWriters = writes.writersOf(winner);
            if (highestAcknowledged != null && winner.version() < highestAcknowledged.record().version()) {
                List<Long> evidence = new ArrayList<>();
                evidence.add(highestAcknowledged.id());
                evidence.addAll(WritesByRecord.ids(winnerWriters));
                violations.add(new Violation(ViolationKind.VERSION_ORDER,
                        entry.getKey() + " ended at version " + winner.version() + " although version "
                                + highestAcknowledged.record().version() + " was acknowledged",
                        evidence));
            } else if (!winnerWriters.isEmpty()
                    && winnerWriters.stream().allMatch(operation -> operation.outcome() == Phase.FAIL)) {
                violations.add(new Violation(ViolationKind.VERSION_ORDER,
                        entry.getKey() + " ended at version " + winner.version()
                                + ", which only failed operations wrote",
                        WritesByRecord.ids(winnerWriters)));
            }
        }
        return violations;
    }
}
