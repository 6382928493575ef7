package io.strata.query.expression.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.expression.Kernels;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_percentile(x, p)}: the nearest-rank percentile (the smallest value with at least
 * p of the values at or below it). The state keeps the group's values, so the answer is exact;
 * partial state: p and the values packed four chars per double in a VARCHAR, and merging
 * concatenates. Memory grows with the rows (counted in the budget) — a bounded mergeable sketch
 * (KLL) would replace this for very large groups.
 */
final class PercentileAccumulator implements GroupedAccumulator {
    private final SqlType type;
    private double[][] values = new double[0][];
    private int[] sizes = new int[0];
    private double percentile = Double.NaN;
    private long bytes;

    PercentileAccumulator(SqlType type) {
        this.type = type;
    }

    private void grow(int groups) {
        if (groups > sizes.length) {
            int capacity = Math.max(groups, sizes.length * 2);
            values = Arrays.copyOf(values, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
        }
    }

    private void add(int group, double value) {
        double[] list = values[group];
        if (list == null) {
            list = new double[4];
            values[group] = list;
            bytes += 32;
        } else if (sizes[group] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            bytes += list.length * 4L;
            values[group] = list;
        }
        list[sizes[group]++] = value;
    }

    private void setPercentile(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new QueryExecutionException("Percentile must be between 0 and 1: " + value);
        }
        percentile = value;
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        grow(groupCount);
        ColumnVector input = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (Double.isNaN(percentile) && !arguments[1].isNull(row)) {
                setPercentile(Kernels.doubleAt(arguments[1], row));
            }
            if (!input.isNull(row)) {
                add(groupIds[row], Kernels.doubleAt(input, row));
            }
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        grow(groupCount);
        VarcharVector partial = (VarcharVector) states[0];
        for (int row = 0; row < rowCount; row++) {
            String packed = partial.get(row);
            double packedPercentile = unpack(packed, 0);
            if (!Double.isNaN(packedPercentile)) {
                setPercentile(packedPercentile);
            }
            for (int offset = 4; offset < packed.length(); offset += 4) {
                add(groupIds[row], unpack(packed, offset));
            }
        }
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        grow(groupCount);
        VarcharVector.Builder out = new VarcharVector.Builder(groupCount);
        StringBuilder packed = new StringBuilder();
        for (int group = 0; group < groupCount; group++) {
            packed.setLength(0);
            pack(packed, percentile);
            for (int index = 0; index < sizes[group]; index++) {
                pack(packed, values[group][index]);
            }
            out.append(packed.toString());
        }
        return List.of(out.build());
    }

    @Override
    public ColumnVector result(int groupCount) {
        grow(groupCount);
        VectorBuilder out = new VectorBuilder(type, groupCount);
        for (int group = 0; group < groupCount; group++) {
            int size = sizes[group];
            if (size == 0) {
                out.appendNull();
                continue;
            }
            double[] sorted = Arrays.copyOf(values[group], size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percentile * size);
            double value = sorted[Math.max(0, Math.min(size - 1, rank - 1))];
            if (type == SqlType.BIGINT) {
                out.appendLong((long) value);
            } else {
                out.appendDouble(value);
            }
        }
        return out.build();
    }

    private static void pack(StringBuilder out, double value) {
        long bits = Double.doubleToRawLongBits(value);
        for (int shift = 48; shift >= 0; shift -= 16) {
            out.append((char) (bits >>> shift));
        }
    }

    private static double unpack(String packed, int offset) {
        long bits = 0;
        for (int index = 0; index < 4; index++) {
            bits = (bits << 16) | packed.charAt(offset + index);
        }
        return Double.longBitsToDouble(bits);
    }

    @Override
    public long estimatedBytes() {
        return bytes + sizes.length * 12L;
    }

}
