package io.strata.tier.segment;

import io.strata.core.error.ErrorCode;
import io.strata.core.error.StrataException;

/**
 * A segment's bytes fail their checksum or do not decode: the data is never returned. Carries the
 * object key and the byte offset of the damaged block (or footer) so an operator can find it and
 * restore the segment from a replica.
 */
public final class CorruptSegmentException extends StrataException {
    private final String key;
    private final long offset;

    public CorruptSegmentException(String key, long offset, String problem) {
        super(ErrorCode.INTERNAL_SERVER, message(key, offset, problem));
        this.key = key;
        this.offset = offset;
    }

    public CorruptSegmentException(String key, long offset, String problem, Throwable cause) {
        super(ErrorCode.INTERNAL_SERVER, message(key, offset, problem), cause);
        this.key = key;
        this.offset = offset;
    }

    /** The blob key of the segment. */
    public String key() {
        return key;
    }

    /** The offset in bytes of the damaged region from the start of the segment. */
    public long offset() {
        return offset;
    }

    private static String message(String key, long offset, String problem) {
        return "Corrupt segment '" + key + "' at offset " + offset + ": " + problem;
    }
}
