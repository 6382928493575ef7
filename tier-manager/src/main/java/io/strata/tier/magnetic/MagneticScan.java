package io.strata.tier.magnetic;

import io.strata.core.batch.ColumnType;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import io.strata.tier.segment.ColumnDescriptor;
import io.strata.tier.segment.DecodedBlock;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.SegmentReader;
import io.strata.tier.segment.SeriesEntry;
import io.strata.tier.segment.TimeRange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * One scan over the segments of one manifest: series in ascending {@link SeriesKey} order, each
 * series' rows merged across segments in time order with the newest version winning, in batches
 * of at most {@code batchRows} rows. Blocks are fetched lazily as the iteration reaches them.
 *
 * <p>Holds the manifest it started with: segments that a compaction or expiry retires meanwhile
 * stay readable until the scan is {@linkplain #close closed}. Not thread-safe: one consumer
 * thread; close it when done (also when abandoning it early).
 */
public final class MagneticScan implements Iterator<SeriesBatch>, AutoCloseable {
    private final Manifest manifest;
    private final TimeRange range;
    private final Projection projection;
    private final int batchRows;
    private final Runnable onClose;
    private final Iterator<Map.Entry<SeriesKey, List<SeriesEntryInSegment>>> series;
    private final List<DecodedBlock> blockPool = new ArrayList<>();
    private long bytesScanned;
    private SeriesMerger current;
    private SeriesBatch pending;
    private boolean closed;

    /** A series' entry in the segment read by {@code reader}. */
    private record SeriesEntryInSegment(SegmentReader reader, SeriesEntry entry) {
    }

    /**
     * @param readers the manifest's segments that overlap the range, in ascending sequence order
     */
    MagneticScan(Manifest manifest, List<SegmentReader> readers, TimeRange range,
            java.util.function.Predicate<SeriesKey> seriesFilter, Projection projection, int batchRows,
            Runnable onClose) {
        this.manifest = manifest;
        this.range = range;
        this.projection = projection;
        this.batchRows = batchRows;
        this.onClose = onClose;
        TreeMap<SeriesKey, List<SeriesEntryInSegment>> bySeries = new TreeMap<>();
        for (SegmentReader reader : readers) {
            bytesScanned += reader.metadataBytes();
            for (SeriesEntry entry : reader.series(seriesFilter)) {
                if (range.overlaps(entry.minTime(), entry.maxTime())) {
                    bySeries.computeIfAbsent(entry.series(), key -> new ArrayList<>())
                            .add(new SeriesEntryInSegment(reader, entry));
                }
            }
        }
        this.series = bySeries.entrySet().iterator();
    }

    /** The manifest this scan reads. */
    public Manifest manifest() {
        return manifest;
    }

    /** Bytes of segment data this scan has read: footers of the segments it opened and every block fetched. */
    public long bytesScanned() {
        return bytesScanned;
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        while (pending == null) {
            if (current != null) {
                pending = current.next(batchRows);
                if (pending != null) {
                    return true;
                }
                current = null;
            }
            if (!series.hasNext()) {
                return false;
            }
            current = startSeries(series.next());
        }
        return true;
    }

    @Override
    public SeriesBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SeriesBatch batch = pending;
        pending = null;
        return batch;
    }

    private SeriesMerger startSeries(Map.Entry<SeriesKey, List<SeriesEntryInSegment>> seriesEntries) {
        List<SeriesEntryInSegment> entries = seriesEntries.getValue();
        while (blockPool.size() < entries.size()) {
            blockPool.add(new DecodedBlock());
        }
        List<SeriesSource> sources = new ArrayList<>(entries.size());
        TreeMap<String, ColumnType> columnTypes = new TreeMap<>();
        MeasureValueType measureType = entries.getLast().entry().measureType();
        for (int i = 0; i < entries.size(); i++) {
            SeriesEntryInSegment entry = entries.get(i);
            for (ColumnDescriptor column : entry.entry().columns()) {
                if (projection.includes(column.name())) {
                    columnTypes.putIfAbsent(column.name(), column.type());
                }
            }
            sources.add(new SeriesSource(entry.reader(), entry.entry(), range, projection, blockPool.get(i),
                    bytes -> bytesScanned += bytes));
        }
        List<ColumnDescriptor> columns = new ArrayList<>(columnTypes.size());
        columnTypes.forEach((name, type) -> columns.add(new ColumnDescriptor(name, type)));
        return new SeriesMerger(seriesEntries.getKey(), measureType, sources, columns,
                Math.min(batchRows, 1024));
    }

    /** Releases the manifest so that segments retired since can be deleted. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
