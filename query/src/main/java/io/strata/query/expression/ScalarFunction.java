package io.strata.query.expression;

import io.strata.core.batch.ColumnVector;

/**
 * The implementation of a scalar function over whole vectors: given the argument vectors (each of
 * {@code rowCount} rows, already coerced to the declared parameter types), the result vector.
 * Implementations are stateless and thread-safe, and do not allocate per row on numeric paths.
 */
@FunctionalInterface
public interface ScalarFunction {
    ColumnVector apply(ColumnVector[] arguments, int rowCount);
}
