package io.strata.core.write;

import io.strata.core.model.Record;
import java.util.Objects;

/** A record that passed validation, with its zero-based index in the request. */
public record ValidatedRecord(int recordIndex, Record record) {
    public ValidatedRecord {
        if (recordIndex < 0) {
            throw new IllegalArgumentException("recordIndex must be >= 0: " + recordIndex);
        }
        Objects.requireNonNull(record, "record");
    }
}
