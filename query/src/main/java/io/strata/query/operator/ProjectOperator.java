package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.VectorEvaluator;
import io.strata.query.expression.Vectors;
import java.util.ArrayList;
import java.util.List;

/** Computes one output column per expression. */
public final class ProjectOperator implements Operator {
    private final Operator source;
    private final List<VectorEvaluator> expressions;

    public ProjectOperator(Operator source, List<VectorEvaluator> expressions) {
        this.source = source;
        this.expressions = List.copyOf(expressions);
    }

    @Override
    public ColumnBatch next() {
        ColumnBatch batch = source.next();
        if (batch == null) {
            return null;
        }
        List<ColumnVector> columns = new ArrayList<>(expressions.size());
        for (VectorEvaluator expression : expressions) {
            columns.add(expression.evaluate(batch));
        }
        return Vectors.batch(batch.rowCount(), columns);
    }

    @Override
    public void close() {
        source.close();
    }
}
