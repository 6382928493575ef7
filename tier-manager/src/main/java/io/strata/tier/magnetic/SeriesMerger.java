package io.strata.tier.magnetic;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import io.strata.tier.segment.ColumnDescriptor;
import io.strata.tier.segment.DecodedBlock;
import java.util.List;

/**
 * Merges one series' rows from several segments in time order, keeping for each time only the row
 * with the highest version; on equal versions the source listed later (the newer segment) wins.
 * Rows go straight from the sources' decoded arrays into vector builders: nothing is allocated per
 * row. Not thread-safe.
 */
final class SeriesMerger {
    private final SeriesKey series;
    private final MeasureValueType measureType;
    private final List<SeriesSource> sources;
    private final List<ColumnDescriptor> columns;
    /** {@code columnOfSource[s][c]}: the index in source s of output column c, or -1. */
    private final int[][] columnOfSource;
    private final LongVector.Builder times;
    private final LongVector.Builder versions;
    private final Object[] builders;

    /**
     * @param sources in ascending segment sequence (newest last)
     * @param columns the output value columns
     */
    SeriesMerger(SeriesKey series, MeasureValueType measureType, List<SeriesSource> sources,
            List<ColumnDescriptor> columns, int initialRows) {
        this.series = series;
        this.measureType = measureType;
        this.sources = sources;
        this.columns = columns;
        this.columnOfSource = new int[sources.size()][columns.size()];
        for (int s = 0; s < sources.size(); s++) {
            for (int c = 0; c < columns.size(); c++) {
                int index = sources.get(s).entry().columnIndex(columns.get(c).name());
                boolean sameType = index >= 0 && sources.get(s).entry().columns().get(index).type() == columns.get(c).type();
                columnOfSource[s][c] = sameType ? index : -1;
            }
        }
        times = new LongVector.Builder(ColumnType.TIMESTAMP, initialRows);
        versions = new LongVector.Builder(ColumnType.BIGINT, initialRows);
        builders = new Object[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            builders[c] = switch (columns.get(c).type()) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
                case BIGINT, TIMESTAMP -> new LongVector.Builder(columns.get(c).type(), initialRows);
                case DOUBLE -> new DoubleVector.Builder(initialRows);
                case BOOLEAN -> new BooleanVector.Builder(initialRows);
                case VARCHAR -> new VarcharVector.Builder(initialRows);
            };
        }
    }

    /** Up to {@code maxRows} merged rows, or null when every source is exhausted. */
    SeriesBatch next(int maxRows) {
        resetBuilders();
        int rows = 0;
        while (rows < maxRows) {
            int best = -1;
            long bestTime = 0;
            long bestVersion = 0;
            for (int s = 0; s < sources.size(); s++) {
                SeriesSource source = sources.get(s);
                if (source.exhausted()) {
                    continue;
                }
                long time = source.time();
                long version = source.version();
                if (best < 0 || time < bestTime || (time == bestTime && version >= bestVersion)) {
                    best = s;
                    bestTime = time;
                    bestVersion = version;
                }
            }
            if (best < 0) {
                break;
            }
            append(best);
            rows++;
            for (SeriesSource source : sources) {
                if (!source.exhausted() && source.time() == bestTime) {
                    source.advance();
                }
            }
        }
        return rows == 0 ? null : build(rows);
    }

    private void append(int s) {
        SeriesSource source = sources.get(s);
        DecodedBlock block = source.block();
        int row = source.row();
        times.append(block.time(row));
        versions.append(block.version(row));
        for (int c = 0; c < builders.length; c++) {
            int index = columnOfSource[s][c];
            boolean isNull = index < 0 || !block.isDecoded(index) || block.isNull(index, row);
            switch (builders[c]) {
                case LongVector.Builder builder -> {
                    if (isNull) {
                        builder.appendNull();
                    } else {
                        builder.append(block.longValue(index, row));
                    }
                }
                case DoubleVector.Builder builder -> {
                    if (isNull) {
                        builder.appendNull();
                    } else {
                        builder.append(block.doubleValue(index, row));
                    }
                }
                case BooleanVector.Builder builder -> {
                    if (isNull) {
                        builder.appendNull();
                    } else {
                        builder.append(block.booleanValue(index, row));
                    }
                }
                case VarcharVector.Builder builder -> {
                    if (isNull) {
                        builder.appendNull();
                    } else {
                        builder.append(block.stringValue(index, row));
                    }
                }
                default -> throw new IllegalStateException("unknown builder " + builders[c]);
            }
        }
    }

    private SeriesBatch build(int rows) {
        ColumnBatch.Builder batch = ColumnBatch.builder(rows).add("time", times.build());
        for (int c = 0; c < builders.length; c++) {
            batch.add(columns.get(c).name(), switch (builders[c]) {
                case LongVector.Builder builder -> builder.build();
                case DoubleVector.Builder builder -> builder.build();
                case BooleanVector.Builder builder -> builder.build();
                case VarcharVector.Builder builder -> builder.build();
                default -> throw new IllegalStateException("unknown builder " + builders[c]);
            });
        }
        return new SeriesBatch(series, measureType, versions.build(), batch.build());
    }

    private void resetBuilders() {
        times.reset();
        versions.reset();
        for (Object builder : builders) {
            switch (builder) {
                case LongVector.Builder b -> b.reset();
                case DoubleVector.Builder b -> b.reset();
                case BooleanVector.Builder b -> b.reset();
                case VarcharVector.Builder b -> b.reset();
                default -> throw new IllegalStateException("unknown builder " + builder);
            }
        }
    }
}
