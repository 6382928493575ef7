package io.strata.query.operator;

/**
 * A relational operator in pull form: each {@link #next} returns the next batch of output rows,
 * or {@code null} when there are no more. Blocking operators (sort, aggregation, join build)
 * consume their input on the first call. One thread drives an operator tree at a time; operators
 * are not thread-safe. {@link #close} releases what the operator holds and closes its inputs; it
 * is idempotent.
 */
public interface Operator extends AutoCloseable {
    io.strata.core.batch.ColumnBatch next();

    @Override
    default void close() {}
}
