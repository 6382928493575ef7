package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.Vectors;
import java.util.ArrayList;
import java.util.List;

/** A scalar subquery's result: exactly one row; none gives a row of NULLs, more fails. */
public final class EnforceSingleRowOperator implements Operator {
    private final Operator source;
    private final List<SqlType> types;
    private final OperatorContext context;
    private boolean done;

    public EnforceSingleRowOperator(Operator source, List<SqlType> types, OperatorContext context) {
        this.source = source;
        this.types = types;
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        if (done) {
            return null;
        }
        done = true;
        ColumnBatch all = Batches.drain(source, types, context);
        if (all.rowCount() > 1) {
            throw new QueryExecutionException("Scalar sub-query has returned multiple rows");
        }
        if (all.rowCount() == 1) {
            return all;
        }
        List<ColumnVector> columns = new ArrayList<>();
        for (SqlType type : types) {
            columns.add(Vectors.constant(type, null, 1));
        }
        return Vectors.batch(1, columns);
    }

    @Override
    public void close() {
        source.close();
    }
}
