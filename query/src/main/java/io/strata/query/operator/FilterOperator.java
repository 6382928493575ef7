package io.strata.query.operator;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorEvaluator;
import io.strata.query.expression.Vectors;
import java.util.List;

/**
 * Keeps the rows for which the predicate is TRUE (not FALSE, not NULL): the predicate's vector
 * becomes a selection of row positions, and the selected rows are copied out once.
 */
public final class FilterOperator implements Operator {
    private final Operator source;
    private final VectorEvaluator predicate;
    private final List<SqlType> types;
    private int[] selection = new int[1024];

    public FilterOperator(Operator source, VectorEvaluator predicate, List<SqlType> types) {
        this.source = source;
        this.predicate = predicate;
        this.types = types;
    }

    @Override
    public ColumnBatch next() {
        for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
            ColumnVector result = predicate.evaluate(batch);
            int rows = batch.rowCount();
            if (selection.length < rows) {
                selection = new int[rows];
            }
            int selected = 0;
            for (int row = 0; row < rows; row++) {
                if (!result.isNull(row) && ((BooleanVector) result).get(row)) {
                    selection[selected++] = row;
                }
            }
            if (selected == rows) {
                return batch;
            }
            if (selected > 0) {
                return Vectors.gather(batch, types, selection, selected);
            }
        }
        return null;
    }

    @Override
    public void close() {
        source.close();
    }
}
