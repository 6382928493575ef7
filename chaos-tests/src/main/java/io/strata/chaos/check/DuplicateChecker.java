package io.strata.chaos.check;

import io.strata.chaos.history.History;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** No record key appears twice in the final read: a retried write must not be stored twice. */
public final class DuplicateChecker implements HistoryChecker {
    @Override
    public List<Violation> check(History history, FinalRead finalRead) {
        WritesByRecord writes = new WritesByRecord(history);
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<RecordKey, List<RecordVersion>> entry : finalRead.byKey().entrySet()) {
            if (entry.getValue().size() > 1) {
                violations.add(new Violation(ViolationKind.DUPLICATE,
                        entry.getKey() + " appears " + entry.getValue().size() + " times: " + entry.getValue(),
                        WritesByRecord.ids(writes.writersOf(entry.getKey()))));
            }
        }
        return violations;
    }
}
