package io.strata.core.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A set of rows in columnar form: named, typed vectors of equal length. Storage scans produce
 * batches and query operators consume them. Immutable; readable from any thread.
 *
 * @param rowCount the number of rows every column has
 * @param names column names, unique, in column order
 * @param columns the vectors, same order as {@code names}
 */
public record ColumnBatch(int rowCount, List<String> names, List<ColumnVector> columns) {
    public ColumnBatch {
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must be >= 0: " + rowCount);
        }
        names = List.copyOf(names);
        columns = List.copyOf(columns);
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new IllegalArgumentException("column '" + names.get(i) + "' appears twice");
            }
            if (columns.get(i).size() != rowCount) {
                throw new IllegalArgumentException("column '" + names.get(i) + "' has " + columns.get(i).size()
                        + " rows, the batch " + rowCount);
            }
        }
    }

    public int columnCount() {
        return columns.size();
    }

    /** The index of the column called {@code name}, or -1. Linear: batches have few columns. */
    public int columnIndex(String name) {
        return names.indexOf(name);
    }

    public ColumnVector column(int index) {
        return columns.get(index);
    }

    /** The column called {@code name}. */
    public ColumnVector column(String name) {
        int index = columnIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + names);
        }
        return columns.get(index);
    }

    public static Builder builder(int rowCount) {
        return new Builder(rowCount);
    }

    /** Collects columns of a batch. Not thread-safe. */
    public static final class Builder {
        private final int rowCount;
        private final ArrayList<String> names = new ArrayList<>();
        private final ArrayList<ColumnVector> columns = new ArrayList<>();

        private Builder(int rowCount) {
            this.rowCount = rowCount;
        }

        public Builder add(String name, ColumnVector column) {
            names.add(Objects.requireNonNull(name, "name"));
            columns.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        public ColumnBatch build() {
            return new ColumnBatch(rowCount, names, columns);
        }
    }
}
