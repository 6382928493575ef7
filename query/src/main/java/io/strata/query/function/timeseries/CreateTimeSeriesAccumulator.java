package io.strata.query.function.timeseries;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.LongVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.aggregate.GroupCapacity;
import io.strata.query.function.aggregate.GroupedAccumulator;
import io.strata.query.function.aggregate.GroupedValues;
import io.strata.query.function.aggregate.PartialStateReader;
import io.strata.query.function.aggregate.PartialStateWriter;
import java.util.Arrays;

/**
 * {@code create_time_series(time, value)}: the aggregate that collects a group's (time, value)
 * points into a {@link TimeSeries} sorted by time. Arguments: a TIMESTAMP column and a BIGINT,
 * DOUBLE, BOOLEAN or VARCHAR column. A NULL value is a {@link QueryExecutionException}, as the
 * specification says the value must not be null (filter first, e.g. {@code WHERE measure_name =}).
 * Points with equal times are all kept, ordered by value, so the series does not depend on how
 * rows were split across shards. An empty group gives NULL.
 *
 * <p>Points live in one store for all groups, linked per group, so adding a row allocates nothing.
 */
public final class CreateTimeSeriesAccumulator implements GroupedAccumulator {
    private static final int NONE = -1;

    private final ColumnType valueType;
    private final GroupedValues values;
    private final GroupedValues incoming;
    private long[] times = new long[0];
    private int[] next = new int[0];
    private int pointCount;
    private int[] heads = new int[0];
    private int[] tails = new int[0];
    private int[] sizes = new int[0];
    private int groupCount;

    public CreateTimeSeriesAccumulator(ColumnType valueType) {
        if (valueType == ColumnType.TIMESTAMP) {
            throw new io.strata.core.error.ValidationException(
                    "create_time_series takes a BIGINT, DOUBLE, BOOLEAN or VARCHAR value, not TIMESTAMP");
        }
        this.valueType = valueType;
        this.values = GroupedValues.of(valueType);
        this.incoming = GroupedValues.of(valueType);
        incoming.ensureGroupCount(1);
    }

    @Override
    public void ensureGroupCount(int groupCount) {
        int length = GroupCapacity.grown(heads.length, groupCount);
        if (length != heads.length) {
            int old = heads.length;
            heads = Arrays.copyOf(heads, length);
            tails = Arrays.copyOf(tails, length);
            sizes = Arrays.copyOf(sizes, length);
            Arrays.fill(heads, old, length, NONE);
            Arrays.fill(tails, old, length, NONE);
        }
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    private int appendPoint(int group, long time) {
        int point = pointCount++;
        if (point == next.length) {
            int length = GroupCapacity.grown(next.length, point + 1);
            next = Arrays.copyOf(next, length);
            times = Arrays.copyOf(times, length);
            values.ensureGroupCount(length);
        }
        times[point] = time;
        next[point] = NONE;
        if (heads[group] == NONE) {
            heads[group] = point;
        } else {
            next[tails[group]] = point;
        }
        tails[group] = point;
        sizes[group]++;
        return point;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        LongVector timeColumn = (LongVector) arguments[0];
        ColumnVector valueColumn = arguments[1];
        for (int row = 0; row < rowCount; row++) {
            if (timeColumn.isNull(row)) {
                throw new QueryExecutionException("create_time_series: time must not be null");
            }
            if (valueColumn.isNull(row)) {
                throw new QueryExecutionException("create_time_series: value must not be null");
            }
            values.setFromRow(appendPoint(groupIds[row], timeColumn.get(row)), valueColumn, row);
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter().writeInt(sizes[group]);
        for (int point = heads[group]; point != NONE; point = next[point]) {
            out.writeLong(times[point]);
            values.write(point, out);
        }
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            long time = in.readLong();
            values.read(appendPoint(group, time), in);
        }
    }

    /** The group's {@link TimeSeries}, or null when it has no points. */
    @Override
    public Object finalResult(int group) {
        int size = sizes[group];
        if (size == 0) {
            return null;
        }
        int[] order = new int[size];
        int index = 0;
        for (int point = heads[group]; point != NONE; point = next[point]) {
            order[index++] = point;
        }
        sortByTimeThenValue(order);
        long[] sortedTimes = new long[size];
        Object sortedValues = TimeSeries.newValueArray(valueType, size);
        for (int i = 0; i < size; i++) {
            sortedTimes[i] = times[order[i]];
            Object value = values.get(order[i]);
            switch (sortedValues) {
                case long[] longs -> longs[i] = (Long) value;
                case double[] doubles -> doubles[i] = (Double) value;
                case boolean[] booleans -> booleans[i] = (Boolean) value;
                case String[] strings -> strings[i] = (String) value;
                default -> throw new IllegalStateException();
            }
        }
        return TimeSeries.wrap(valueType, sortedTimes, sortedValues);
    }

    /** A merge sort of point indexes: stable, O(n log n), no boxing. */
    private void sortByTimeThenValue(int[] order) {
        int[] buffer = new int[order.length];
        for (int width = 1; width < order.length; width *= 2) {
            for (int low = 0; low < order.length - width; low += 2 * width) {
                int middle = low + width;
                int high = Math.min(low + 2 * width, order.length);
                int left = low;
                int right = middle;
                int target = low;
                while (left < middle && right < high) {
                    buffer[target++] = compare(order[right], order[left]) < 0 ? order[right++] : order[left++];
                }
                while (left < middle) {
                    buffer[target++] = order[left++];
                }
                while (right < high) {
                    buffer[target++] = order[right++];
                }
                System.arraycopy(buffer, low, order, low, high - low);
            }
        }
    }

    private int compare(int first, int second) {
        int byTime = Long.compare(times[first], times[second]);
        return byTime != 0 ? byTime : values.compareToGroup(first, values, second);
    }
}
