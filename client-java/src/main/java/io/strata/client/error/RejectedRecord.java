package io.strata.client.error;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One record of a WriteRecords request that the server did not store (Timestream's
 * RejectedRecord).
 *
 * @param recordIndex zero-based index of the record in the request's records
 * @param reason Timestream's reason text (duplicate, version too low, outside the memory-store
 *     time range, limits)
 * @param existingVersion the version already stored for this point, when the rejection is about an
 *     existing point; empty otherwise
 */
public record RejectedRecord(int recordIndex, String reason, OptionalLong existingVersion) {
    public RejectedRecord {
        if (recordIndex < 0) {
            throw new IllegalArgumentException("recordIndex must be >= 0, was " + recordIndex);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(existingVersion, "existingVersion");
    }
}
