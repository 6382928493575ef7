package io.strata.core.batch;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A column of VARCHAR values stored as dictionary ids: an {@code int} per row plus each distinct
 * value once, so a dimension column costs four bytes a row and comparisons can use ids.
 */
public final class VarcharVector implements ColumnVector {
    private final int[] ids;
    private final int size;
    private final String[] dictionary;
    private final int dictionarySize;
    private final NullMask nulls;

    private VarcharVector(int[] ids, int size, String[] dictionary, int dictionarySize, NullMask nulls) {
        if (size < 0 || size > ids.length || dictionarySize < 0 || dictionarySize > dictionary.length) {
            throw new IllegalArgumentException("size outside its array");
        }
        this.ids = ids;
        this.size = size;
        this.dictionary = dictionary;
        this.dictionarySize = dictionarySize;
        this.nulls = Objects.requireNonNull(nulls, "nulls");
    }

    /**
     * A vector over the first {@code size} ids, each an index into the first {@code dictionarySize}
     * entries of {@code dictionary}; the caller hands both arrays over and must not change them.
     */
    public static VarcharVector wrap(int[] ids, int size, String[] dictionary, int dictionarySize, NullMask nulls) {
        for (int row = 0; row < size; row++) {
            if (!nulls.isNull(row) && (ids[row] < 0 || ids[row] >= dictionarySize)) {
                throw new IllegalArgumentException("row " + row + " has id " + ids[row] + " outside the dictionary");
            }
        }
        return new VarcharVector(ids, size, dictionary, dictionarySize, nulls);
    }

    public static VarcharVector of(String... values) {
        Builder builder = new Builder(values.length);
        for (String value : values) {
            if (value == null) {
                builder.appendNull();
            } else {
                builder.append(value);
            }
        }
        return builder.build();
    }

    @Override
    public ColumnType type() {
        return ColumnType.VARCHAR;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isNull(int row) {
        Objects.checkIndex(row, size);
        return nulls.isNull(row);
    }

    @Override
    public NullMask nulls() {
        return nulls;
    }

    /** The value of {@code row}, or null if the row is null. */
    public String get(int row) {
        Objects.checkIndex(row, size);
        return nulls.isNull(row) ? null : dictionary[ids[row]];
    }

    /** The dictionary id of {@code row}; meaningless for a null row. */
    public int id(int row) {
        Objects.checkIndex(row, size);
        return ids[row];
    }

    public int dictionarySize() {
        return dictionarySize;
    }

    public String dictionaryValue(int id) {
        Objects.checkIndex(id, dictionarySize);
        return dictionary[id];
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof VarcharVector that) || size != that.size || !nulls.equals(that.nulls)) {
            return false;
        }
        for (int row = 0; row < size; row++) {
            if (!nulls.isNull(row) && !dictionary[ids[row]].equals(that.dictionary[that.ids[row]])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return size;
    }

    @Override
    public String toString() {
        return "VarcharVector[" + size + " rows, " + dictionarySize + " distinct]";
    }

    /**
     * Appends values, assigning each distinct value the next dictionary id; arrays and the
     * dictionary index are kept across batches ({@link #reset}). Appending a value already seen
     * allocates nothing. Not thread-safe.
     */
    public static final class Builder {
        private final NullMask.Builder nulls = new NullMask.Builder();
        private final Map<String, Integer> index = new HashMap<>();
        private int[] ids;
        private int size;
        private String[] dictionary = new String[16];
        private int dictionarySize;

        public Builder(int initialCapacity) {
            this.ids = new int[Math.max(1, initialCapacity)];
        }

        public Builder append(String value) {
            Integer id = index.get(Objects.requireNonNull(value, "value; use appendNull"));
            if (id == null) {
                id = dictionarySize;
                if (dictionarySize == dictionary.length) {
                    dictionary = Arrays.copyOf(dictionary, dictionarySize * 2);
                }
                dictionary[dictionarySize++] = value;
                index.put(value, id);
            }
            return appendId(id);
        }

        public Builder appendNull() {
            nulls.setNull(size);
            return appendId(0);
        }

        /** Appends {@code value} {@code count} times (a dimension's value on every row of a series run). */
        public Builder appendRepeated(String value, int count) {
            if (count <= 0) {
                return this;
            }
            append(value);
            int id = ids[size - 1];
            if (size + count - 1 > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(size + count - 1, size * 2));
            }
            Arrays.fill(ids, size, size + count - 1, id);
            size += count - 1;
            return this;
        }

        private Builder appendId(int id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
            return this;
        }

        public int size() {
            return size;
        }

        public VarcharVector build() {
            return new VarcharVector(Arrays.copyOf(ids, size), size, Arrays.copyOf(dictionary, dictionarySize),
                    dictionarySize, nulls.build(size));
        }

        public void reset() {
            size = 0;
            nulls.reset();
            index.clear();
            Arrays.fill(dictionary, 0, dictionarySize, null);
            dictionarySize = 0;
        }
    }
}
