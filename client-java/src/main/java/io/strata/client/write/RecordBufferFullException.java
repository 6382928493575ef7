package io.strata.client.write;

/**
 * {@link RecordWriter#write} did not take a record because the writer already holds its bound of
 * unacknowledged records (under {@link BufferFullPolicy#FAIL_FAST}), or the producer was interrupted
 * while waiting for space (under {@link BufferFullPolicy#BLOCK}). A client-side condition: nothing
 * was sent. Write the record again once earlier records are acknowledged.
 */
public final class RecordBufferFullException extends RuntimeException {
    /** @param message what was full, and its bound */
    public RecordBufferFullException(String message) {
        super(message);
    }
}
