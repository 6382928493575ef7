package io.strata.chaos.check;

import io.strata.chaos.history.History;
import io.strata.chaos.history.Operation;
import io.strata.chaos.history.Phase;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The write and upsert operations of a history, indexed by the record they carry and its key. */
final class WritesByRecord {
    private final Map<RecordKey, List<Operation>> byKey = new LinkedHashMap<>();
    private final Map<RecordVersion, List<Operation>> byRecord = new LinkedHashMap<>();

    WritesByRecord(History history) {
        for (Operation operation : history.operations()) {
            if (operation.isWrite()) {
                byKey.computeIfAbsent(operation.record().key(), key -> new ArrayList<>()).add(operation);
                byRecord.computeIfAbsent(operation.record(), record -> new ArrayList<>()).add(operation);
            }
        }
    }

    List<Operation> writersOf(RecordKey key) {
        return byKey.getOrDefault(key, List.of());
    }

    List<Operation> writersOf(RecordVersion record) {
        return byRecord.getOrDefault(record, List.of());
    }

    /** Whether some operation that may have taken effect (acknowledged or unknown) wrote exactly this. */
    boolean possiblyWritten(RecordVersion record) {
        return writersOf(record).stream().anyMatch(operation -> operation.outcome() != Phase.FAIL);
    }

    static List<Long> ids(List<Operation> operations) {
        return operations.stream().map(Operation::id).toList();
    }
}
