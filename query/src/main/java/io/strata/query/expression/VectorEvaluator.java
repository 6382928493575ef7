package io.strata.query.expression;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;

/**
 * A compiled expression: computes one vector from a batch, a whole batch at a time. Evaluators
 * hold no per-query state, so one may be used by one thread at a time for any number of batches.
 */
@FunctionalInterface
public interface VectorEvaluator {
    ColumnVector evaluate(ColumnBatch batch);
}
