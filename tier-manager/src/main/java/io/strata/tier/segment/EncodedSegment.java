package io.strata.tier.segment;

import java.util.Objects;

/**
 * A finished segment: its bytes, ready for one {@code BlobStore.put}, and what a manifest records
 * about it. {@code minTime}/{@code maxTime} are meaningless when {@code rowCount} is 0.
 */
public record EncodedSegment(byte[] bytes, long minTime, long maxTime, long rowCount, int seriesCount) {
    public EncodedSegment {
        Objects.requireNonNull(bytes, "bytes");
    }

    public long sizeBytes() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return rowCount == 0;
    }
}
