package io.strata.core.error;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One record of a WriteRecords request that was not stored, with Timestream's reason.
 *
 * @param recordIndex zero-based index of the record in the request
 * @param reason Timestream's reason text, reproduced verbatim where known
 * @param existingVersion the version already stored, for duplicate/version conflicts
 */
public record RejectedRecord(int recordIndex, String reason, OptionalLong existingVersion) {
    public RejectedRecord {
        if (recordIndex < 0) {
            throw new IllegalArgumentException("recordIndex must be >= 0: " + recordIndex);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(existingVersion, "existingVersion");
    }

    public static RejectedRecord of(int recordIndex, String reason) {
        return new RejectedRecord(recordIndex, reason, OptionalLong.empty());
    }

    public static RejectedRecord withExistingVersion(int recordIndex, String reason, long existingVersion) {
        return new RejectedRecord(recordIndex, reason, OptionalLong.of(existingVersion));
    }
}
