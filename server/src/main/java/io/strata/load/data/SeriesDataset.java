package io.strata.load.data;

import java.util.List;
import java.util.Objects;

/**
 * Generated multi-measure series: for each series, one timestamp per point (epoch nanoseconds)
 * and one double per field per point. Arrays are shared, not copied: treat them as read-only.
 *
 * @param timestamps {@code [series][point]}
 * @param values {@code [series][field][point]}
 */
public record SeriesDataset(String name, List<String> fields, long[][] timestamps, double[][][] values) {
    public SeriesDataset {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps for " + timestamps.length + " series, values for " + values.length);
        }
        for (int s = 0; s < values.length; s++) {
            if (values[s].length != fields.size()) {
                throw new IllegalArgumentException("series " + s + " has " + values[s].length + " fields");
            }
            for (double[] field : values[s]) {
                if (field.length != timestamps[s].length) {
                    throw new IllegalArgumentException("series " + s + " has fields of unequal length");
                }
            }
        }
    }

    public int seriesCount() {
        return timestamps.length;
    }

    /** Points over all series. */
    public long pointCount() {
        long points = 0;
        for (long[] series : timestamps) {
            points += series.length;
        }
        return points;
    }

    /** Field values over all series and points. */
    public long valueCount() {
        return pointCount() * fields.size();
    }
}
