package io.strata.client.error;

import io.grpc.Status;
import io.strata.api.v1.Record;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One record, written through a {@link io.strata.client.write.RecordWriter}, that the server did not
 * store: the record's share of a {@link RejectedRecordsException}, with Timestream's reason and the
 * version already stored, when the rejection is about an existing point. The other records of the
 * same request were stored. Never retryable.
 */
public final class RecordRejectedException extends StrataClientException {
    private final transient Record record;
    private final OptionalLong existingVersion;

    /**
     * @param record the rejected record
     * @param reason Timestream's reason text
     * @param existingVersion the version already stored for this point, or empty
     * @param httpStatus the HTTP status of the request's RejectedRecordsException (419)
     */
    public RecordRejectedException(Record record, String reason, OptionalLong existingVersion, int httpStatus) {
        super(REJECTED_RECORDS, reason, httpStatus, Status.Code.INVALID_ARGUMENT, false, null);
        this.record = Objects.requireNonNull(record, "record");
        this.existingVersion = Objects.requireNonNull(existingVersion, "existingVersion");
    }

    /** The rejected record, as it was written. */
    public Record record() {
        return record;
    }

    /** Timestream's reason text (the exception's message). */
    public String reason() {
        return getMessage();
    }

    /** The version already stored for this point, when the record collided with one. */
    public OptionalLong existingVersion() {
        return existingVersion;
    }
}
