package io.strata.core.error;

import java.util.Comparator;
import java.util.List;

/**
 * Some records of a WriteRecords request were rejected; every other record of the request was
 * stored. Carries one {@link RejectedRecord} per rejected record, ordered by index.
 */
public final class RejectedRecordsException extends StrataException {
    /** Timestream's message, as observed in real traffic. */
    public static final String MESSAGE = "One or more records have been rejected. See RejectedRecords for details.";

    private final List<RejectedRecord> rejectedRecords;

    public RejectedRecordsException(List<RejectedRecord> rejectedRecords) {
        super(ErrorCode.REJECTED_RECORDS, MESSAGE);
        if (rejectedRecords.isEmpty()) {
            throw new IllegalArgumentException("a RejectedRecordsException needs at least one rejected record");
        }
        this.rejectedRecords = rejectedRecords.stream()
                .sorted(Comparator.comparingInt(RejectedRecord::recordIndex))
                .toList();
    }

    public List<RejectedRecord> rejectedRecords() {
        return rejectedRecords;
    }
}
