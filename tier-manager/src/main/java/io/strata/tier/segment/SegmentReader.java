package io.strata.tier.segment;

import io.strata.core.model.SeriesKey;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * Reads one segment through a {@link BlobStore}: {@link #open} fetches the header and the footer
 * index; each block is then fetched alone with {@code getRange}, its checksum verified, and
 * decoded into the caller's {@link DecodedBlock}.
 *
 * <p>Thread-safe: the footer is immutable and all decoding state lives in the caller's
 * {@link DecodedBlock}, so many scans may share one reader. {@link #bytesRead} counts every byte
 * fetched (header, footer, blocks) across all of them.
 */
public final class SegmentReader {
    private final BlobStore store;
    private final BlobKey key;
    private final long sizeBytes;
    private final List<SeriesEntry> series;
    private final long metadataBytes;
    private final AtomicLong bytesRead = new AtomicLong();

    private SegmentReader(BlobStore store, BlobKey key, long sizeBytes, List<SeriesEntry> series, long metadataBytes) {
        this.store = store;
        this.key = key;
        this.sizeBytes = sizeBytes;
        this.series = series;
        this.metadataBytes = metadataBytes;
        this.bytesRead.set(metadataBytes);
    }

    /** Bytes of header, footer and trailer that {@link #open} read. */
    public long metadataBytes() {
        return metadataBytes;
    }

    /**
     * Reads and verifies the segment's header and footer.
     *
     * @throws CorruptSegmentException if they are damaged or of an unknown format version
     * @throws io.strata.core.error.ResourceNotFoundException if there is no such segment
     */
    public static SegmentReader open(BlobStore store, BlobKey key) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(key, "key");
        long size = store.size(key);
        if (size < SegmentFormat.HEADER_BYTES + SegmentFormat.TRAILER_BYTES) {
            throw new CorruptSegmentException(key.value(), 0, "only " + size + " bytes, too short for a segment");
        }
        ByteBuffer header = ByteBuffer.wrap(store.getRange(key, 0, SegmentFormat.HEADER_BYTES));
        if (header.getInt() != SegmentFormat.MAGIC) {
            throw new CorruptSegmentException(key.value(), 0, "not a segment (bad magic number)");
        }
        short version = header.getShort();
        if (version != SegmentFormat.VERSION) {
            throw new CorruptSegmentException(key.value(), 4, "format version " + version + ", this reader knows "
                    + SegmentFormat.VERSION);
        }
        long trailerOffset = size - SegmentFormat.TRAILER_BYTES;
        ByteBuffer trailer = ByteBuffer.wrap(store.getRange(key, trailerOffset, SegmentFormat.TRAILER_BYTES));
        int footerLength = trailer.getInt();
        int footerChecksum = trailer.getInt();
        if (trailer.getInt() != SegmentFormat.MAGIC) {
            throw new CorruptSegmentException(key.value(), trailerOffset + 8, "bad magic number in the trailer");
        }
        long footerOffset = trailerOffset - footerLength;
        if (footerLength < 0 || footerOffset < SegmentFormat.HEADER_BYTES) {
            throw new CorruptSegmentException(key.value(), trailerOffset, "footer length " + footerLength
                    + " does not fit the segment of " + size + " bytes");
        }
        byte[] footer = store.getRange(key, footerOffset, footerLength);
        CRC32C checksum = new CRC32C();
        checksum.update(footer);
        if ((int) checksum.getValue() != footerChecksum) {
            throw new CorruptSegmentException(key.value(), footerOffset, "footer checksum mismatch");
        }
        List<SeriesEntry> series;
        try {
            series = SegmentFooter.decode(footer).series();
        } catch (IOException | RuntimeException e) {
            throw new CorruptSegmentException(key.value(), footerOffset, "the footer does not decode: " + e, e);
        }
        for (SeriesEntry entry : series) {
            for (BlockEntry block : entry.blocks()) {
                if (block.offset() + block.length() > footerOffset) {
                    throw new CorruptSegmentException(key.value(), footerOffset, "block at " + block.offset()
                            + " runs into the footer");
                }
            }
        }
        return new SegmentReader(store, key, size, series,
                SegmentFormat.HEADER_BYTES + SegmentFormat.TRAILER_BYTES + footerLength);
    }

    public BlobKey key() {
        return key;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** Every series, in ascending {@link SeriesKey} order. */
    public List<SeriesEntry> series() {
        return series;
    }

    /** The series {@code filter} accepts, in order. */
    public List<SeriesEntry> series(Predicate<SeriesKey> filter) {
        List<SeriesEntry> selected = new ArrayList<>();
        for (SeriesEntry entry : series) {
            if (filter.test(entry.series())) {
                selected.add(entry);
            }
        }
        return selected;
    }

    /** The blocks of {@code entry} that may hold rows in {@code range}, by their statistics. */
    public List<BlockEntry> blocks(SeriesEntry entry, TimeRange range) {
        List<BlockEntry> selected = new ArrayList<>();
        for (BlockEntry block : entry.blocks()) {
            if (range.overlaps(block.statistics().minTime(), block.statistics().maxTime())) {
                selected.add(block);
            }
        }
        return selected;
    }

    /**
     * Fetches one block of {@code entry}, verifies it and decodes time, versions and the projected
     * columns into {@code target}.
     *
     * @throws CorruptSegmentException if the block's bytes are damaged
     */
    public void readBlock(SeriesEntry entry, BlockEntry block, Projection projection, DecodedBlock target) {
        byte[] bytes = store.getRange(key, block.offset(), block.length());
        bytesRead.addAndGet(bytes.length);
        target.decoder().decode(key.value(), block, bytes, entry.columns(), projection, target);
    }

    /**
     * Count of rows and {@code column}'s count/sum/min/max over the rows of {@code entry} in
     * {@code range}: from block statistics where a block lies entirely inside the range, by decoding
     * the others.
     */
    public RangeAggregate aggregate(SeriesEntry entry, String column, TimeRange range, DecodedBlock scratch) {
        int index = entry.columnIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException("series " + entry.series() + " has no column '" + column + "'");
        }
        ColumnStatistics result = ColumnStatistics.empty(entry.columns().get(index).type());
        ColumnStatistics.Accumulator accumulator = new ColumnStatistics.Accumulator();
        long rows = 0;
        int fromStatistics = 0;
        int decoded = 0;
        Projection projection = Projection.of(column);
        for (BlockEntry block : blocks(entry, range)) {
            BlockStatistics statistics = block.statistics();
            if (range.covers(statistics.minTime(), statistics.maxTime())) {
                rows += statistics.rowCount();
                result = result.merge(statistics.columns().get(index));
                fromStatistics++;
                continue;
            }
            readBlock(entry, block, projection, scratch);
            decoded++;
            accumulator.reset(result.type());
            for (int row = 0; row < scratch.rowCount(); row++) {
                if (!range.contains(scratch.time(row))) {
                    continue;
                }
                rows++;
                if (scratch.isNull(index, row)) {
                    continue;
                }
                switch (result.type()) {
                    case BIGINT, TIMESTAMP -> accumulator.addLong(scratch.longValue(index, row));
                    case DOUBLE -> accumulator.addDouble(scratch.doubleValue(index, row));
                    case VARCHAR, BOOLEAN -> accumulator.addOther();
                }
            }
            result = result.merge(accumulator.build());
        }
        return new RangeAggregate(rows, result, fromStatistics, decoded);
    }

    /** Bytes fetched from the store by this reader so far. */
    public long bytesRead() {
        return bytesRead.get();
    }
}
