package io.strata.tier.segment;

import io.strata.core.model.SeriesKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Builds one segment in memory from series handed over in ascending {@link SeriesKey} order, each
 * with strictly increasing times ({@link SeriesRows}); cuts each series into blocks of at most
 * {@code blockRows} rows; {@link #finish} appends the footer index and returns the bytes.
 *
 * <p>Deterministic: the same series with the same rows give the same bytes (no clock, no random
 * ids), so replicas sealing the same rows produce identical segments. Allocates per block and per
 * series, never per row. Not thread-safe; one writer builds one segment.
 */
public final class SegmentWriter {
    /** Rows per block unless told otherwise: large enough to compress, small enough to prune. */
    public static final int DEFAULT_BLOCK_ROWS = 1000;

    private final int blockRows;
    private final BlockEncoder encoder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private final List<SeriesEntry> series = new ArrayList<>();
    private SeriesKey previous;
    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;
    private long rowCount;
    private boolean finished;

    public SegmentWriter() {
        this(DEFAULT_BLOCK_ROWS);
    }

    public SegmentWriter(int blockRows) {
        if (blockRows < 1) {
            throw new IllegalArgumentException("blockRows must be >= 1: " + blockRows);
        }
        this.blockRows = blockRows;
        this.encoder = new BlockEncoder(blockRows);
        ByteBuffer header = ByteBuffer.allocate(SegmentFormat.HEADER_BYTES);
        header.putInt(SegmentFormat.MAGIC).putShort(SegmentFormat.VERSION).putShort((short) 0);
        out.writeBytes(header.array());
    }

    /**
     * Encodes every row of one series. A series with no rows is skipped.
     *
     * @throws IllegalArgumentException if the series does not come after the previous one
     */
    public SegmentWriter addSeries(SeriesRows rows) {
        if (finished) {
            throw new IllegalStateException("the segment is finished");
        }
        if (rows.rowCount() == 0) {
            return this;
        }
        if (previous != null && previous.compareTo(rows.series()) >= 0) {
            throw new IllegalArgumentException("series must come in ascending order without repeats: " + rows.series()
                    + " after " + previous);
        }
        previous = rows.series();
        List<BlockEntry> blocks = new ArrayList<>((rows.rowCount() + blockRows - 1) / blockRows);
        for (int from = 0; from < rows.rowCount(); from += blockRows) {
            int to = Math.min(rows.rowCount(), from + blockRows);
            BlockEncoder.EncodedBlock block = encoder.encode(rows, from, to);
            blocks.add(new BlockEntry(out.size(), block.bytes().length, block.statistics()));
            out.writeBytes(block.bytes());
        }
        List<ColumnDescriptor> columns = new ArrayList<>(rows.columns().size());
        for (ValueColumn column : rows.columns()) {
            columns.add(column.descriptor());
        }
        series.add(new SeriesEntry(rows.series(), rows.measureType(), columns, blocks));
        minTime = Math.min(minTime, rows.times()[0]);
        maxTime = Math.max(maxTime, rows.times()[rows.rowCount() - 1]);
        rowCount += rows.rowCount();
        return this;
    }

    /** Bytes written so far (header and blocks; the footer comes on top): for rolling segments at a size. */
    public long sizeBytes() {
        return out.size();
    }

    public long rowCount() {
        return rowCount;
    }

    /** Appends the footer and trailer; the writer is done afterwards. */
    public EncodedSegment finish() {
        if (finished) {
            throw new IllegalStateException("the segment is finished");
        }
        finished = true;
        byte[] footer = new SegmentFooter(series).encode();
        CRC32C checksum = new CRC32C();
        checksum.update(footer);
        ByteBuffer trailer = ByteBuffer.allocate(SegmentFormat.TRAILER_BYTES);
        trailer.putInt(footer.length).putInt((int) checksum.getValue()).putInt(SegmentFormat.MAGIC);
        out.writeBytes(footer);
        out.writeBytes(trailer.array());
        return new EncodedSegment(out.toByteArray(), minTime, maxTime, rowCount, series.size());
    }
}
