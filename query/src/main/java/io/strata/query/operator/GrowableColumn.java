package io.strata.query.operator;

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
 * Values appended from vectors into a primitive array that grows, readable by index: the group
 * keys of a hash table. Strings are kept as references to the input dictionaries' values. Not
 * thread-safe.
 */
final class GrowableColumn {
    private final SqlType type;
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private String[] strings;
    private Object[] objects;
    private boolean[] nulls = new boolean[16];
    private int size;

    GrowableColumn(SqlType type) {
        this.type = type;
        switch (type.physicalType()) {
            case BIGINT, TIMESTAMP -> longs = new long[16];
            case DOUBLE -> doubles = new double[16];
            case BOOLEAN -> booleans = new boolean[16];
            case VARCHAR -> strings = new String[16];
            case ARRAY, TIMESERIES, ROW -> objects = new Object[16];
        }
    }

    int size() {
        return size;
    }

    void append(ColumnVector source, int row) {
        if (size == nulls.length) {
            int capacity = size * 2;
            nulls = Arrays.copyOf(nulls, capacity);
            switch (type.physicalType()) {
                case BIGINT, TIMESTAMP -> longs = Arrays.copyOf(longs, capacity);
                case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
                case BOOLEAN -> booleans = Arrays.copyOf(booleans, capacity);
                case VARCHAR -> strings = Arrays.copyOf(strings, capacity);
                case ARRAY, TIMESERIES, ROW -> objects = Arrays.copyOf(objects, capacity);
            }
        }
        if (source.isNull(row)) {
            nulls[size++] = true;
            return;
        }
        nulls[size] = false;
        switch (source) {
            case LongVector v -> longs[size] = v.get(row);
            case DoubleVector v -> doubles[size] = v.get(row);
            case BooleanVector v -> {
                if (booleans != null) {
                    booleans[size] = v.get(row);
                } else {
                    nulls[size] = true;
                }
            }
            case VarcharVector v -> strings[size] = v.get(row);
            case ObjectVector v -> objects[size] = v.get(row);
        }
        size++;
    }

    /** Whether entry {@code index} equals the row, NULL equal to NULL. */
    boolean equalsRow(int index, ColumnVector source, int row) {
        boolean sourceNull = source.isNull(row);
        if (nulls[index] || sourceNull) {
            return nulls[index] && sourceNull;
        }
        return switch (source) {
            case LongVector v -> longs[index] == v.get(row);
            case DoubleVector v -> Double.compare(doubles[index], v.get(row)) == 0 || doubles[index] == v.get(row);
            case BooleanVector v -> booleans != null && booleans[index] == v.get(row);
            case VarcharVector v -> strings[index].equals(v.get(row));
            case ObjectVector v -> io.strata.query.expression.CompositeValues.compare(objects[index], v.get(row)) == 0;
        };
    }

    ColumnVector build() {
        VectorBuilder builder = new VectorBuilder(type, size);
        for (int index = 0; index < size; index++) {
            if (nulls[index]) {
                builder.appendNull();
                continue;
            }
            switch (type.physicalType()) {
                case BIGINT, TIMESTAMP -> builder.appendLong(longs[index]);
                case DOUBLE -> builder.appendDouble(doubles[index]);
                case BOOLEAN -> builder.appendBoolean(booleans[index]);
                case VARCHAR -> builder.appendVarchar(strings[index]);
                case ARRAY, TIMESERIES, ROW -> builder.appendObject(objects[index]);
            }
        }
        return builder.build();
    }

    long estimatedBytes() {
        return nulls.length * 9L;
    }

    static long hashRow(ColumnVector[] keys, int row) {
        long hash = 17;
        for (ColumnVector key : keys) {
            hash = hash * 31 + Vectors.hash(key, row);
        }
        return Vectors.mix(hash);
    }
}
