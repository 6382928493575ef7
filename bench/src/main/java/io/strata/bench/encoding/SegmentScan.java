package io.strata.bench.encoding;

import io.strata.load.data.SeriesDataset;
import io.strata.core.model.Dimension;
import io.strata.core.model.MeasureName;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.segment.BlockEntry;
import io.strata.tier.segment.ColumnDescriptor;
import io.strata.core.batch.ColumnType;
import io.strata.tier.segment.DecodedBlock;
import io.strata.tier.segment.EncodedSegment;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.SegmentReader;
import io.strata.tier.segment.SegmentWriter;
import io.strata.tier.segment.SeriesEntry;
import io.strata.tier.segment.SeriesRows;
import io.strata.tier.segment.ValueColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A dataset as one magnetic-store segment (each series a MULTI series, one DOUBLE column per
 * field) and a full scan of it through {@link SegmentReader}: every block fetched from the
 * {@link BlobStore}, checksum verified and every column decoded into a reused {@link DecodedBlock}.
 */
final class SegmentScan {
    static final BlobKey KEY = BlobKey.of("bench/segment.seg");

    private SegmentScan() {
    }

    /** Writes the dataset as one segment with blocks of {@code blockPoints} rows. */
    static EncodedSegment write(SeriesDataset dataset, int blockPoints) {
        Integer[] order = new Integer[dataset.seriesCount()];
        SeriesKey[] keys = new SeriesKey[dataset.seriesCount()];
        for (int s = 0; s < keys.length; s++) {
            order[s] = s;
            keys[s] = SeriesKey.of(MeasureName.of(dataset.name()), Dimension.of("series", String.format("s%06d", s)));
        }
        Arrays.sort(order, Comparator.comparing(s -> keys[s]));
        SegmentWriter writer = new SegmentWriter(blockPoints);
        for (int s : order) {
            long[] times = dataset.timestamps()[s];
            long[] versions = new long[times.length];
            Arrays.fill(versions, 1);
            List<ValueColumn> columns = new ArrayList<>();
            List<String> fields = new ArrayList<>(dataset.fields());
            for (int f = 0; f < fields.size(); f++) {
                columns.add(ValueColumn.ofDoubles(new ColumnDescriptor(fields.get(f), ColumnType.DOUBLE),
                        dataset.values()[s][f], null));
            }
            writer.addSeries(new SeriesRows(keys[s], MeasureValueType.MULTI, times, versions, times.length, columns));
        }
        return writer.finish();
    }

    /** Decodes every value column of every block; returns the number of values decoded. */
    static long scan(SegmentReader reader, DecodedBlock block) {
        long values = 0;
        double sink = 0;
        for (SeriesEntry entry : reader.series()) {
            for (BlockEntry blockEntry : entry.blocks()) {
                reader.readBlock(entry, blockEntry, Projection.all(), block);
                int columns = block.columns().size();
                values += (long) block.rowCount() * columns;
                sink += block.doubleValue(columns - 1, block.rowCount() - 1);
            }
        }
        return sink == Double.MIN_VALUE ? values + 1 : values;
    }
}
