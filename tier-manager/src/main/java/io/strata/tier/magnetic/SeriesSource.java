package io.strata.tier.magnetic;

import io.strata.tier.segment.BlockEntry;
import io.strata.tier.segment.DecodedBlock;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.SegmentReader;
import io.strata.tier.segment.SeriesEntry;
import io.strata.tier.segment.TimeRange;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A cursor over one series' rows in one segment, restricted to a time range: fetches and decodes
 * the series' overlapping blocks one at a time into its own {@link DecodedBlock}. Not thread-safe.
 */
final class SeriesSource {
    private final SegmentReader reader;
    private final SeriesEntry entry;
    private final List<BlockEntry> blocks;
    private final TimeRange range;
    private final Projection projection;
    private final DecodedBlock block;
    private final LongConsumer bytesScanned;
    private int nextBlock;
    private int row;
    private boolean exhausted;

    SeriesSource(SegmentReader reader, SeriesEntry entry, TimeRange range, Projection projection, DecodedBlock block,
            LongConsumer bytesScanned) {
        this.reader = reader;
        this.entry = entry;
        this.blocks = reader.blocks(entry, range);
        this.range = range;
        this.projection = projection;
        this.block = block;
        this.bytesScanned = bytesScanned;
        this.row = -1;
        advance();
    }

    SeriesEntry entry() {
        return entry;
    }

    DecodedBlock block() {
        return block;
    }

    int row() {
        return row;
    }

    boolean exhausted() {
        return exhausted;
    }

    long time() {
        return block.time(row);
    }

    long version() {
        return block.version(row);
    }

    /** Moves to the next row inside the range, loading blocks as needed. */
    void advance() {
        row++;
        while (!exhausted) {
            if (row >= block.rowCount() || nextBlock == 0) {
                if (nextBlock == blocks.size()) {
                    exhausted = true;
                    return;
                }
                BlockEntry next = blocks.get(nextBlock++);
                reader.readBlock(entry, next, projection, block);
                bytesScanned.accept(next.length());
                row = 0;
            }
            while (row < block.rowCount() && block.time(row) < range.fromInclusive()) {
                row++;
            }
            if (row < block.rowCount()) {
                if (!range.contains(block.time(row))) {
                    exhausted = true;
                }
                return;
            }
        }
    }
}
