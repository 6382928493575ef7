package io.strata.tier.segment;

import java.util.Objects;

/**
 * Where one block of a series lies in its segment ({@code length} includes the block's checksum)
 * and its statistics, as the footer index lists it.
 */
public record BlockEntry(long offset, int length, BlockStatistics statistics) {
    public BlockEntry {
        Objects.requireNonNull(statistics, "statistics");
        if (offset < SegmentFormat.HEADER_BYTES || length <= SegmentFormat.CHECKSUM_BYTES) {
            throw new IllegalArgumentException("block at " + offset + " of " + length + " bytes");
        }
    }
}
