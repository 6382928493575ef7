package io.strata.tier.segment;

import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import java.util.List;
import java.util.Objects;

/** One series in a segment's footer: its identity, value columns and blocks in time order. */
public record SeriesEntry(
        SeriesKey series, MeasureValueType measureType, List<ColumnDescriptor> columns, List<BlockEntry> blocks) {
    public SeriesEntry {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(measureType, "measureType");
        columns = List.copyOf(columns);
        blocks = List.copyOf(blocks);
    }

    /** The index of the column called {@code name}, or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public long rowCount() {
        long rows = 0;
        for (BlockEntry block : blocks) {
            rows += block.statistics().rowCount();
        }
        return rows;
    }

    public long minTime() {
        return blocks.getFirst().statistics().minTime();
    }

    public long maxTime() {
        return blocks.getLast().statistics().maxTime();
    }
}
