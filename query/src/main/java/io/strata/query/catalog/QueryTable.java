package io.strata.query.catalog;

import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.core.schema.TableSchema;
import io.strata.query.expression.SqlType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table a query sees: {@code time} (TIMESTAMP), each dimension (VARCHAR), {@code measure_name}
 * (VARCHAR), {@code measure_value::<type>} for the single-measure types written, one column per
 * multi-measure attribute — the columns of {@link TableSchema#columns()}, in that order. A row
 * holds NULL in the columns its record does not have.
 */
public record QueryTable(TableName name, List<TableColumn> columns) {
    public QueryTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }

    public static QueryTable of(TableName name, TableSchema schema) {
        return new QueryTable(name, schema.columns());
    }

    /** The column named exactly {@code name}. */
    public Optional<TableColumn> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    public int indexOf(String name) {
        for (int index = 0; index < columns.size(); index++) {
            if (columns.get(index).name().equals(name)) {
                return index;
            }
        }
        return -1;
    }

    public SqlType typeOf(int index) {
        return SqlType.of(columns.get(index).type());
    }

    public boolean isDimension(String column) {
        return column(column).map(c -> c.role() == ColumnRole.DIMENSION).orElse(false);
    }
}
