package io.strata.client.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The columns of a result (or fields of a row type) and where each name is; shared by all rows. */
final class ColumnIndex {
    private final List<Column> columns;
    private final Map<String, Integer> positions;

    ColumnIndex(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.positions = new HashMap<>();
        for (int index = 0; index < this.columns.size(); index++) {
            // The first of two equal names wins, as with SQL's result sets.
            positions.putIfAbsent(this.columns.get(index).name(), index);
        }
    }

    List<Column> columns() {
        return columns;
    }

    Column column(int index) {
        if (index < 0 || index >= columns.size()) {
            throw new IndexOutOfBoundsException("column index " + index + " is out of 0.." + (columns.size() - 1));
        }
        return columns.get(index);
    }

    int position(String name) {
        Integer position = positions.get(name);
        if (position == null) {
            throw new IllegalArgumentException("no column named '" + name + "'; the columns are "
                    + columns.stream().map(Column::name).toList());
        }
        return position;
    }
}
