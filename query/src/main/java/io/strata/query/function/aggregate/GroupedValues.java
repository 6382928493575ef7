package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;

/**
 * One value per group of one SQL type, in a primitive array: the storage under min, max,
 * max_by/min_by and arbitrary so they are written once for every type. A group's slot may hold
 * NULL ({@link #setNull}); {@link #compareToRow} and {@link #compareToGroup} order non-null values
 * the way SQL orders them (see {@link ValueOrdering}). Not thread-safe.
 */
public sealed interface GroupedValues permits GroupedValues.Longs, GroupedValues.Doubles, GroupedValues.Booleans, GroupedValues.Varchars {

    static GroupedValues of(ColumnType type) {
        return switch (type) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalArgumentException("not defined on composite values");
            case BIGINT, TIMESTAMP -> new Longs(type);
            case DOUBLE -> new Doubles();
            case BOOLEAN -> new Booleans();
            case VARCHAR -> new Varchars();
        };
    }

    ColumnType type();

    void ensureGroupCount(int groupCount);

    boolean isNull(int group);

    void setNull(int group);

    /** Compares the (non-null) value of {@code group} with the (non-null) value at {@code row}. */
    int compareToRow(int group, ColumnVector vector, int row);

    /** Compares the (non-null) value of {@code group} with the (non-null) value of {@code other}'s group. */
    int compareToGroup(int group, GroupedValues other, int otherGroup);

    /** Stores the value at {@code row}, or NULL if the row is null. */
    void setFromRow(int group, ColumnVector vector, int row);

    void copyFromGroup(int group, GroupedValues other, int otherGroup);

    void write(int group, PartialStateWriter out);

    void read(int group, PartialStateReader in);

    /** The value as {@link GroupedAccumulator#finalResult} reports values, or null. */
    Object get(int group);

    /** Null flags shared by the typed slots. */
    abstract sealed class Base permits Longs, Doubles, Booleans, Varchars {
        boolean[] nulls = new boolean[0];

        public boolean isNull(int group) {
            return nulls[group];
        }

        public void setNull(int group) {
            nulls[group] = true;
        }

        int growNulls(int groupCount) {
            int length = GroupCapacity.grown(nulls.length, groupCount);
            if (length != nulls.length) {
                nulls = java.util.Arrays.copyOf(nulls, length);
            }
            return length;
        }
    }

    final class Longs extends Base implements GroupedValues {
        private final ColumnType type;
        private long[] values = new long[0];

        Longs(ColumnType type) {
            this.type = type;
        }

        @Override
        public ColumnType type() {
            return type;
        }

        @Override
        public void ensureGroupCount(int groupCount) {
            int length = growNulls(groupCount);
            if (length != values.length) {
                values = java.util.Arrays.copyOf(values, length);
            }
        }

        @Override
        public int compareToRow(int group, ColumnVector vector, int row) {
            return Long.compare(values[group], ((io.strata.core.batch.LongVector) vector).get(row));
        }

        @Override
        public int compareToGroup(int group, GroupedValues other, int otherGroup) {
            return Long.compare(values[group], ((Longs) other).values[otherGroup]);
        }

        @Override
        public void setFromRow(int group, ColumnVector vector, int row) {
            nulls[group] = vector.isNull(row);
            values[group] = ((io.strata.core.batch.LongVector) vector).get(row);
        }

        @Override
        public void copyFromGroup(int group, GroupedValues other, int otherGroup) {
            Longs that = (Longs) other;
            nulls[group] = that.nulls[otherGroup];
            values[group] = that.values[otherGroup];
        }

        @Override
        public void write(int group, PartialStateWriter out) {
            out.writeBoolean(nulls[group]).writeLong(values[group]);
        }

        @Override
        public void read(int group, PartialStateReader in) {
            nulls[group] = in.readBoolean();
            values[group] = in.readLong();
        }

        @Override
        public Object get(int group) {
            return nulls[group] ? null : values[group];
        }
    }

    final class Doubles extends Base implements GroupedValues {
        private double[] values = new double[0];

        @Override
        public ColumnType type() {
            return ColumnType.DOUBLE;
        }

        @Override
        public void ensureGroupCount(int groupCount) {
            int length = growNulls(groupCount);
            if (length != values.length) {
                values = java.util.Arrays.copyOf(values, length);
            }
        }

        @Override
        public int compareToRow(int group, ColumnVector vector, int row) {
            return ValueOrdering.compareDoubles(values[group], ((io.strata.core.batch.DoubleVector) vector).get(row));
        }

        @Override
        public int compareToGroup(int group, GroupedValues other, int otherGroup) {
            return ValueOrdering.compareDoubles(values[group], ((Doubles) other).values[otherGroup]);
        }

        @Override
        public void setFromRow(int group, ColumnVector vector, int row) {
            nulls[group] = vector.isNull(row);
            values[group] = ((io.strata.core.batch.DoubleVector) vector).get(row);
        }

        @Override
        public void copyFromGroup(int group, GroupedValues other, int otherGroup) {
            Doubles that = (Doubles) other;
            nulls[group] = that.nulls[otherGroup];
            values[group] = that.values[otherGroup];
        }

        @Override
        public void write(int group, PartialStateWriter out) {
            out.writeBoolean(nulls[group]).writeDouble(values[group]);
        }

        @Override
        public void read(int group, PartialStateReader in) {
            nulls[group] = in.readBoolean();
            values[group] = in.readDouble();
        }

        @Override
        public Object get(int group) {
            return nulls[group] ? null : values[group];
        }
    }

    final class Booleans extends Base implements GroupedValues {
        private boolean[] values = new boolean[0];

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public void ensureGroupCount(int groupCount) {
            int length = growNulls(groupCount);
            if (length != values.length) {
                values = java.util.Arrays.copyOf(values, length);
            }
        }

        @Override
        public int compareToRow(int group, ColumnVector vector, int row) {
            return Boolean.compare(values[group], ((io.strata.core.batch.BooleanVector) vector).get(row));
        }

        @Override
        public int compareToGroup(int group, GroupedValues other, int otherGroup) {
            return Boolean.compare(values[group], ((Booleans) other).values[otherGroup]);
        }

        @Override
        public void setFromRow(int group, ColumnVector vector, int row) {
            nulls[group] = vector.isNull(row);
            values[group] = ((io.strata.core.batch.BooleanVector) vector).get(row);
        }

        @Override
        public void copyFromGroup(int group, GroupedValues other, int otherGroup) {
            Booleans that = (Booleans) other;
            nulls[group] = that.nulls[otherGroup];
            values[group] = that.values[otherGroup];
        }

        @Override
        public void write(int group, PartialStateWriter out) {
            out.writeBoolean(nulls[group]).writeBoolean(values[group]);
        }

        @Override
        public void read(int group, PartialStateReader in) {
            nulls[group] = in.readBoolean();
            values[group] = in.readBoolean();
        }

        @Override
        public Object get(int group) {
            return nulls[group] ? null : values[group];
        }
    }

    /** Holds references to strings that already live in the vectors' dictionaries; copies nothing. */
    final class Varchars extends Base implements GroupedValues {
        private String[] values = new String[0];

        @Override
        public ColumnType type() {
            return ColumnType.VARCHAR;
        }

        @Override
        public void ensureGroupCount(int groupCount) {
            int length = growNulls(groupCount);
            if (length != values.length) {
                values = java.util.Arrays.copyOf(values, length);
            }
        }

        @Override
        public int compareToRow(int group, ColumnVector vector, int row) {
            return ValueOrdering.compareVarchars(values[group], ((io.strata.core.batch.VarcharVector) vector).get(row));
        }

        @Override
        public int compareToGroup(int group, GroupedValues other, int otherGroup) {
            return ValueOrdering.compareVarchars(values[group], ((Varchars) other).values[otherGroup]);
        }

        @Override
        public void setFromRow(int group, ColumnVector vector, int row) {
            String value = ((io.strata.core.batch.VarcharVector) vector).get(row);
            nulls[group] = value == null;
            values[group] = value;
        }

        @Override
        public void copyFromGroup(int group, GroupedValues other, int otherGroup) {
            Varchars that = (Varchars) other;
            nulls[group] = that.nulls[otherGroup];
            values[group] = that.values[otherGroup];
        }

        @Override
        public void write(int group, PartialStateWriter out) {
            out.writeBoolean(nulls[group]);
            if (!nulls[group]) {
                out.writeString(values[group]);
            }
        }

        @Override
        public void read(int group, PartialStateReader in) {
            nulls[group] = in.readBoolean();
            values[group] = nulls[group] ? null : in.readString();
        }

        @Override
        public Object get(int group) {
            return nulls[group] ? null : values[group];
        }
    }
}
