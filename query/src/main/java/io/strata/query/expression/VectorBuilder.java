package io.strata.query.expression;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.ObjectVector;
import io.strata.core.batch.VarcharVector;

/**
 * Appends values of one {@link SqlType} and builds a {@link ColumnVector}: one facade over the
 * typed builders of {@code core} (composite values — arrays, time series, rows — as objects), so operators that copy rows need not switch on the type of
 * each one. Not thread-safe.
 */
public final class VectorBuilder {
    private final ColumnType physicalType;
    private final LongVector.Builder longs;
    private final DoubleVector.Builder doubles;
    private final BooleanVector.Builder booleans;
    private final VarcharVector.Builder varchars;
    private final ObjectVector.Builder objects;

    public VectorBuilder(SqlType type, int initialCapacity) {
        this.physicalType = type.physicalType();
        this.longs = physicalType == ColumnType.BIGINT || physicalType == ColumnType.TIMESTAMP
                ? new LongVector.Builder(physicalType, initialCapacity) : null;
        this.doubles = physicalType == ColumnType.DOUBLE ? new DoubleVector.Builder(initialCapacity) : null;
        this.booleans = physicalType == ColumnType.BOOLEAN ? new BooleanVector.Builder(initialCapacity) : null;
        this.varchars = physicalType == ColumnType.VARCHAR ? new VarcharVector.Builder(initialCapacity) : null;
        this.objects = physicalType.isComposite() ? new ObjectVector.Builder(physicalType, initialCapacity) : null;
    }

    public VectorBuilder appendNull() {
        switch (physicalType) {
            case BIGINT, TIMESTAMP -> longs.appendNull();
            case DOUBLE -> doubles.appendNull();
            case BOOLEAN -> booleans.appendNull();
            case VARCHAR -> varchars.appendNull();
            case ARRAY, TIMESERIES, ROW -> objects.appendNull();
        }
        return this;
    }

    public VectorBuilder appendLong(long value) {
        longs.append(value);
        return this;
    }

    public VectorBuilder appendDouble(double value) {
        doubles.append(value);
        return this;
    }

    public VectorBuilder appendBoolean(boolean value) {
        booleans.append(value);
        return this;
    }

    public VectorBuilder appendVarchar(String value) {
        if (value == null) {
            varchars.appendNull();
        } else {
            varchars.append(value);
        }
        return this;
    }

    /** Appends row {@code row} of {@code source}, which has this builder's physical type. */
    public VectorBuilder appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) {
            return appendNull();
        }
        switch (source) {
            case LongVector vector -> longs.append(vector.get(row));
            case DoubleVector vector -> doubles.append(vector.get(row));
            case BooleanVector vector -> {
                if (booleans != null) {
                    booleans.append(vector.get(row));
                } else {
                    appendNull(); // an UNKNOWN (all-null) column widened to this type
                }
            }
            case VarcharVector vector -> varchars.append(vector.get(row));
            case ObjectVector vector -> objects.append(vector.get(row));
        }
        return this;
    }

    /** Appends a value in its Java form (Long, Double, Boolean, String, a composite value, or null). */
    public VectorBuilder appendObject(Object value) {
        if (value == null) {
            return appendNull();
        }
        switch (physicalType) {
            case BIGINT, TIMESTAMP -> longs.append(((Number) value).longValue());
            case DOUBLE -> doubles.append(((Number) value).doubleValue());
            case BOOLEAN -> booleans.append((Boolean) value);
            case VARCHAR -> varchars.append(value.toString());
            case ARRAY, TIMESERIES, ROW -> objects.append(value);
        }
        return this;
    }

    public int size() {
        return switch (physicalType) {
            case BIGINT, TIMESTAMP -> longs.size();
            case DOUBLE -> doubles.size();
            case BOOLEAN -> booleans.size();
            case VARCHAR -> varchars.size();
            case ARRAY, TIMESERIES, ROW -> objects.size();
        };
    }

    public ColumnVector build() {
        return switch (physicalType) {
            case BIGINT, TIMESTAMP -> longs.build();
            case DOUBLE -> doubles.build();
            case BOOLEAN -> booleans.build();
            case VARCHAR -> varchars.build();
            case ARRAY, TIMESERIES, ROW -> objects.build();
        };
    }

    /** Builds and starts over in the same arrays. */
    public ColumnVector buildAndReset() {
        ColumnVector vector = build();
        switch (physicalType) {
            case BIGINT, TIMESTAMP -> longs.reset();
            case DOUBLE -> doubles.reset();
            case BOOLEAN -> booleans.reset();
            case VARCHAR -> varchars.reset();
            case ARRAY, TIMESERIES, ROW -> objects.reset();
        }
        return vector;
    }
}
