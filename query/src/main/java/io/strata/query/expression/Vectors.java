package io.strata.query.expression;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.ObjectVector;
import io.strata.core.batch.VarcharVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-level operations over vectors that operators share: hashing, equality and ordering of a
 * row's value (SQL semantics: NULLs are equal to each other for grouping, and sort last), copying
 * selected rows, and constant vectors. Static and allocation-free per row.
 */
public final class Vectors {
    private Vectors() {}

    /** A hash of row {@code row}'s value; equal values (and all NULLs) hash alike. */
    public static long hash(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return 0x9E3779B97F4A7C15L;
        }
        long bits = switch (vector) {
            case LongVector v -> v.get(row);
            case DoubleVector v -> {
                double value = v.get(row);
                yield value == 0.0 ? 0L : Double.doubleToLongBits(value);
            }
            case BooleanVector v -> v.get(row) ? 1L : 2L;
            case VarcharVector v -> v.get(row).hashCode();
            case ObjectVector v -> CompositeValues.hash(v.get(row));
        };
        return mix(bits);
    }

    public static long mix(long value) {
        long hash = value * 0x9E3779B97F4A7C15L;
        return hash ^ (hash >>> 29);
    }

    /** Whether two rows hold the same value, NULL equal to NULL (grouping semantics). */
    public static boolean equal(ColumnVector left, int leftRow, ColumnVector right, int rightRow) {
        boolean leftNull = left.isNull(leftRow);
        boolean rightNull = right.isNull(rightRow);
        if (leftNull || rightNull) {
            return leftNull && rightNull;
        }
        return compareValues(left, leftRow, right, rightRow) == 0;
    }

    /** Compares two non-null values of the same physical type. */
    public static int compareValues(ColumnVector left, int leftRow, ColumnVector right, int rightRow) {
        return switch (left) {
            case LongVector l -> right instanceof DoubleVector r
                    ? Double.compare(l.get(leftRow), r.get(rightRow))
                    : Long.compare(l.get(leftRow), ((LongVector) right).get(rightRow));
            case DoubleVector l -> {
                double rightValue = right instanceof LongVector r ? r.get(rightRow) : ((DoubleVector) right).get(rightRow);
                double leftValue = l.get(leftRow);
                yield leftValue == rightValue ? 0 : Double.compare(leftValue, rightValue);
            }
            case BooleanVector l -> Boolean.compare(l.get(leftRow), ((BooleanVector) right).get(rightRow));
            case VarcharVector l -> l.get(leftRow).compareTo(((VarcharVector) right).get(rightRow));
            case ObjectVector l -> CompositeValues.compare(l.get(leftRow), ((ObjectVector) right).get(rightRow));
        };
    }

    /**
     * The value of a row in its Java form: Long, Double, Boolean, String, a composite value
     * ({@link CompositeValues}), or null.
     */
    public static Object value(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (vector) {
            case LongVector v -> v.get(row);
            case DoubleVector v -> v.get(row);
            case BooleanVector v -> v.get(row);
            case VarcharVector v -> v.get(row);
            case ObjectVector v -> v.get(row);
        };
    }

    /** A vector of {@code rows} copies of {@code value}. */
    public static ColumnVector constant(SqlType type, Object value, int rows) {
        VectorBuilder builder = new VectorBuilder(type, rows);
        for (int row = 0; row < rows; row++) {
            builder.appendObject(value);
        }
        return builder.build();
    }

    /** The rows at {@code positions[0..count)} of {@code vector}, in that order. */
    public static ColumnVector gather(ColumnVector vector, SqlType type, int[] positions, int count) {
        VectorBuilder builder = new VectorBuilder(type, count);
        for (int index = 0; index < count; index++) {
            int position = positions[index];
            if (position < 0) {
                builder.appendNull();
            } else {
                builder.appendFrom(vector, position);
            }
        }
        return builder.build();
    }

    /** A batch of these vectors under positional names. */
    public static ColumnBatch batch(int rowCount, List<ColumnVector> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (int index = 0; index < columns.size(); index++) {
            names.add(channelName(index));
        }
        return new ColumnBatch(rowCount, names, columns);
    }

    public static String channelName(int channel) {
        return "_" + channel;
    }

    /** The rows at {@code positions} of every column of {@code batch}. */
    public static ColumnBatch gather(ColumnBatch batch, List<SqlType> types, int[] positions, int count) {
        List<ColumnVector> columns = new ArrayList<>(batch.columnCount());
        for (int channel = 0; channel < batch.columnCount(); channel++) {
            columns.add(gather(batch.column(channel), types.get(channel), positions, count));
        }
        return batch(count, columns);
    }

    /** An approximate count of the bytes a batch holds, for the memory budget. */
    public static long estimatedBytes(ColumnBatch batch) {
        long bytes = 0;
        for (ColumnVector column : batch.columns()) {
            bytes += switch (column) {
                case LongVector ignored -> 8L * column.size();
                case DoubleVector ignored -> 8L * column.size();
                case BooleanVector ignored -> column.size();
                case VarcharVector v -> 4L * column.size() + 48L * v.dictionarySize();
                case ObjectVector ignored -> 128L * column.size();
            };
        }
        return bytes + 64;
    }
}
