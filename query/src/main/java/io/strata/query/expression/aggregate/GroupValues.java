package io.strata.query.expression.aggregate;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.ObjectVector;
import io.strata.core.batch.VarcharVector;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorBuilder;
import io.strata.query.expression.Vectors;
import java.util.Arrays;

/**
 * One value per group, of one type, in a primitive array that grows with the group count; a
 * group's slot is either unset (no value yet), null, or a value. Strings are held as references
 * to the input's dictionary values, never copied. Not thread-safe.
 */
final class GroupValues {
    private final SqlType type;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private boolean[] booleans = new boolean[0];
    private String[] strings = new String[0];
    private Object[] objects = new Object[0];
    /** 0 unset, 1 null, 2 value. */
    private byte[] state = new byte[0];

    GroupValues(SqlType type) {
        this.type = type;
    }

    void ensureCapacity(int groups) {
        if (groups <= state.length) {
            return;
        }
        int capacity = Math.max(groups, state.length * 2);
        state = Arrays.copyOf(state, capacity);
        switch (type.physicalType()) {
            case BIGINT, TIMESTAMP -> longs = Arrays.copyOf(longs, capacity);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
            case BOOLEAN -> booleans = Arrays.copyOf(booleans, capacity);
            case VARCHAR -> strings = Arrays.copyOf(strings, capacity);
            case ARRAY, TIMESERIES, ROW -> objects = Arrays.copyOf(objects, capacity);
        }
    }

    boolean isSet(int group) {
        return state[group] != 0;
    }

    boolean hasValue(int group) {
        return state[group] == 2;
    }

    void set(int group, ColumnVector source, int row) {
        if (source.isNull(row)) {
            state[group] = 1;
            return;
        }
        state[group] = 2;
        switch (source) {
            case LongVector v -> longs[group] = v.get(row);
            case DoubleVector v -> doubles[group] = v.get(row);
            case BooleanVector v -> booleans[group] = v.get(row);
            case VarcharVector v -> strings[group] = v.get(row);
            case ObjectVector v -> objects[group] = v.get(row);
        }
    }

    /** Compares the value of a group holding one with a non-null row of the same type. */
    int compare(int group, ColumnVector source, int row) {
        return switch (source) {
            case LongVector v -> Long.compare(longs[group], v.get(row));
            case DoubleVector v -> Double.compare(doubles[group], v.get(row));
            case BooleanVector v -> Boolean.compare(booleans[group], v.get(row));
            case VarcharVector v -> strings[group].compareTo(v.get(row));
            case ObjectVector v -> io.strata.query.expression.CompositeValues.compare(objects[group], v.get(row));
        };
    }

    void appendTo(VectorBuilder builder, int group) {
        if (state[group] != 2) {
            builder.appendNull();
            return;
        }
        switch (type.physicalType()) {
            case BIGINT, TIMESTAMP -> builder.appendLong(longs[group]);
            case DOUBLE -> builder.appendDouble(doubles[group]);
            case BOOLEAN -> builder.appendBoolean(booleans[group]);
            case VARCHAR -> builder.appendVarchar(strings[group]);
            case ARRAY, TIMESERIES, ROW -> builder.appendObject(objects[group]);
        }
    }

    ColumnVector build(int groupCount) {
        VectorBuilder builder = new VectorBuilder(type, groupCount);
        for (int group = 0; group < groupCount; group++) {
            appendTo(builder, group);
        }
        return builder.build();
    }

    long estimatedBytes() {
        return state.length * 9L + strings.length * 8L;
    }

    static boolean sameValue(ColumnVector left, int leftRow, ColumnVector right, int rightRow) {
        return Vectors.equal(left, leftRow, right, rightRow);
    }
}
