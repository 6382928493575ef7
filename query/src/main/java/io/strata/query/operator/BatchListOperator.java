package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import java.util.Iterator;

/** Returns batches from an iterator: VALUES, materialised results, rows from remote fragments. */
public final class BatchListOperator implements Operator {
    private final Iterator<ColumnBatch> batches;
    private final OperatorContext context;

    public BatchListOperator(Iterator<ColumnBatch> batches, OperatorContext context) {
        this.batches = batches;
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        context.checkRunning();
        return batches.hasNext() ? batches.next() : null;
    }
}
