package io.strata.chaos.check;

import io.strata.chaos.history.History;
import io.strata.chaos.history.Operation;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every acknowledged write or upsert must be present after healing: its record key is in the
 * final read. (Whether the right version won is {@link VersionOrderChecker}'s job.)
 */
public final class LostWriteChecker implements HistoryChecker {
    @Override
    public List<Violation> check(History history, FinalRead finalRead) {
        Map<RecordKey, List<RecordVersion>> present = finalRead.byKey();
        List<Violation> violations = new ArrayList<>();
        for (Operation operation : history.operations()) {
            if (operation.isWrite() && operation.acknowledged() && !present.containsKey(operation.record().key())) {
                violations.add(new Violation(ViolationKind.LOST_WRITE,
                        "acknowledged " + operation.type().name().toLowerCase() + " of " + operation.record()
                                + " is missing from the final read",
                        List.of(operation.id())));
            }
        }
        return violations;
    }
}
