package io.strata.coordinator.write;

import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.WriteBatchResult;
import java.util.Objects;

/**
 * One write's share of a shard's {@link WriteBatchResult}: the outcomes of its records, which sit
 * together, in request order, at {@code [from, from + count)} of the result of the Raft entry that
 * carried them (possibly with other writes). Each outcome's {@code request_index} is the record's
 * index in its own request.
 */
record RecordOutcomes(WriteBatchResult result, int from, int count) {

    RecordOutcomes {
        Objects.requireNonNull(result, "result");
        if (from < 0 || count < 0 || from + count > result.getOutcomesCount()) {
            throw new IllegalArgumentException("outcomes [" + from + ", " + (from + count) + ") outside a result of "
                    + result.getOutcomesCount());
        }
    }

    static RecordOutcomes all(WriteBatchResult result) {
        return new RecordOutcomes(result, 0, result.getOutcomesCount());
    }

    RecordOutcome get(int i) {
        return result.getOutcomes(from + Objects.checkIndex(i, count));
    }
}
