package io.strata.query.function.aggregate;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import java.util.Arrays;

/**
 * {@code approx_distinct(x[, e])}: the number of distinct non-null x, estimated with a
 * {@link HyperLogLog} of standard error e (default 2.3%). BIGINT; 0 for a group without non-null
 * rows. The partial state is the sketch's registers, merged exactly. One sketch per group is
 * allocated the first time the group sees a value.
 */
public final class ApproximateDistinctAccumulator implements GroupedAccumulator {
    private final int precision;
    private HyperLogLog[] sketches = new HyperLogLog[0];
    private int groupCount;

    public ApproximateDistinctAccumulator() {
        this(HyperLogLog.DEFAULT_STANDARD_ERROR);
    }

    /** @throws io.strata.core.error.ValidationException unless e is in [0.0040625, 0.26] */
    public ApproximateDistinctAccumulator(double standardError) {
        this.precision = HyperLogLog.precisionFor(standardError);
    }

    @Override
    public void ensureGroupCount(int groupCount) {
        sketches = Arrays.copyOf(sketches, GroupCapacity.grown(sketches.length, groupCount));
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        switch (arguments[0]) {
            case io.strata.core.batch.ObjectVector ignored -> throw new IllegalArgumentException("not defined on composite values");
            case LongVector values -> {
                for (int row = 0; row < rowCount; row++) {
                    if (!values.isNull(row)) {
                        sketch(groupIds[row]).addHash(ValueHashing.hashLong(values.get(row)));
                    }
                }
            }
            case DoubleVector values -> {
                for (int row = 0; row < rowCount; row++) {
                    if (!values.isNull(row)) {
                        sketch(groupIds[row]).addHash(ValueHashing.hashDouble(values.get(row)));
                    }
                }
            }
            case BooleanVector values -> {
                for (int row = 0; row < rowCount; row++) {
                    if (!values.isNull(row)) {
                        sketch(groupIds[row]).addHash(ValueHashing.hashBoolean(values.get(row)));
                    }
                }
            }
            case VarcharVector values -> {
                for (int row = 0; row < rowCount; row++) {
                    if (!values.isNull(row)) {
                        sketch(groupIds[row]).addHash(ValueHashing.hashString(values.get(row)));
                    }
                }
            }
        }
    }

    private HyperLogLog sketch(int group) {
        HyperLogLog sketch = sketches[group];
        if (sketch == null) {
            sketch = new HyperLogLog(precision);
            sketches[group] = sketch;
        }
        return sketch;
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter().writeBoolean(sketches[group] != null);
        if (sketches[group] != null) {
            out.writeByte(precision).writeBytes(sketches[group].registers());
        }
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        if (in.readBoolean()) {
            int otherPrecision = in.readByte();
            sketch(group).merge(HyperLogLog.fromRegisters(otherPrecision, in.readBytes()));
        }
    }

    @Override
    public Object finalResult(int group) {
        return sketches[group] == null ? 0L : sketches[group].estimate();
    }
}
