package io.strata.client.write;

/** What {@link RecordWriter#write} does when the bound of buffered records is reached. */
public enum BufferFullPolicy {
    /** Wait until records are acknowledged and space frees up (backpressure on the producer). */
    BLOCK,
    /** Throw {@link RecordBufferFullException} at once; the record is not taken. */
    FAIL_FAST
}
