package io.strata.client.error;

import io.grpc.Status;
import java.util.List;

/**
 * Timestream's RejectedRecordsException: some records of one WriteRecords request were not stored
 * ({@link #rejectedRecords()}, in request order); every other record of that request was stored.
 * Never retryable: sending the rejected records again is rejected again.
 */
public final class RejectedRecordsException extends StrataClientException {
    private final List<RejectedRecord> rejectedRecords;

    /**
     * @param message the server's message
     * @param httpStatus the HTTP status (419)
     * @param rejectedRecords the records that were not stored
     * @param cause the gRPC failure, or {@code null}
     */
    public RejectedRecordsException(String message, int httpStatus, List<RejectedRecord> rejectedRecords, Throwable cause) {
        super(REJECTED_RECORDS, message, httpStatus, Status.Code.INVALID_ARGUMENT, false, cause);
        this.rejectedRecords = List.copyOf(rejectedRecords);
    }

    /** The records that were not stored, in request order. */
    public List<RejectedRecord> rejectedRecords() {
        return rejectedRecords;
    }
}
