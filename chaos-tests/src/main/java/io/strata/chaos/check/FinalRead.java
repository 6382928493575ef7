package io.strata.chaos.check;

import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every record of the workload's series as the cluster returns them after all faults are healed,
 * read once more by a fresh client. Duplicates are kept as returned: finding them is a check.
 */
public record FinalRead(List<RecordVersion> records) {
    public FinalRead {
        records = List.copyOf(records);
    }

    /** Records grouped by key, each list in the order the cluster returned them. */
    public Map<RecordKey, List<RecordVersion>> byKey() {
        Map<RecordKey, List<RecordVersion>> byKey = new LinkedHashMap<>();
        for (RecordVersion record : records) {
            byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record);
        }
        return byKey;
    }
}
