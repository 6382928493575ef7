package io.strata.tier.magnetic;

import io.strata.core.model.Record;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One record the magnetic tier refused after the write was acknowledged, with Timestream's reason
 * text and, for a version conflict, the version already stored.
 */
public record RejectedDataEntry(Record record, String reason, OptionalLong existingVersion) {
    public RejectedDataEntry {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(existingVersion, "existingVersion");
    }
}
