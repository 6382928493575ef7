package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.expression.Vectors;
import io.strata.query.plan.ScanSpec;
import java.util.Iterator;

/** Reads a table from its {@link ScanSource}, checking the batches' shape. */
public final class ScanOperator implements Operator {
    private final ScanSpec spec;
    private final ScanSource source;
    private final OperatorContext context;
    private Iterator<ColumnBatch> batches;

    public ScanOperator(ScanSpec spec, ScanSource source, OperatorContext context) {
        this.spec = spec;
        this.source = source;
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        context.checkRunning();
        if (batches == null) {
            batches = source.scan(spec);
        }
        if (!batches.hasNext()) {
            return null;
        }
        ColumnBatch batch = batches.next();
        if (!batch.names().equals(spec.columns())) {
            throw new QueryExecutionException("Scan of " + spec.table() + " returned columns " + batch.names()
                    + ", expected " + spec.columns());
        }
        return Vectors.batch(batch.rowCount(), batch.columns());
    }
}
