package io.strata.tier.magnetic;

import io.strata.tier.segment.SegmentWriter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tuning of a {@link MagneticStore}.
 *
 * @param blockRows rows per block in the segments it writes (compaction and expiry rewrites)
 * @param scanBatchRows most rows a scan returns in one {@link SeriesBatch}
 * @param beforeManifestSwap called with the new manifest after its segments are stored and just
 *     before it replaces the old one; for fault injection in tests and for metrics. Must not
 *     throw.
 */
public record MagneticStoreOptions(int blockRows, int scanBatchRows, Consumer<Manifest> beforeManifestSwap) {
    public static final MagneticStoreOptions DEFAULT =
            new MagneticStoreOptions(SegmentWriter.DEFAULT_BLOCK_ROWS, 8192, manifest -> { });

    public MagneticStoreOptions {
        Objects.requireNonNull(beforeManifestSwap, "beforeManifestSwap");
        if (blockRows < 1 || scanBatchRows < 1) {
            throw new IllegalArgumentException("blockRows and scanBatchRows must be >= 1");
        }
    }

    public MagneticStoreOptions withBeforeManifestSwap(Consumer<Manifest> hook) {
        return new MagneticStoreOptions(blockRows, scanBatchRows, hook);
    }

    public MagneticStoreOptions withScanBatchRows(int rows) {
        return new MagneticStoreOptions(blockRows, rows, beforeManifestSwap);
    }

    public MagneticStoreOptions withBlockRows(int rows) {
        return new MagneticStoreOptions(rows, scanBatchRows, beforeManifestSwap);
    }
}
