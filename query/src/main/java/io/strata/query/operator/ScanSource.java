package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.query.plan.ScanSpec;
import java.util.Iterator;

/**
 * Where a shard's rows of one table come from: storage implements it over the tier manager.
 *
 * <p>Contract: {@link #scan} returns batches whose columns are exactly {@code spec.columns()}, in
 * that order and with the table's column types (NULL where a row lacks the column). It must
 * return every stored row that satisfies the spec's time range and column values, and may return
 * others (the engine filters again). Rows come in no particular order. Each call starts an
 * independent scan of a consistent snapshot; scans may run concurrently from different threads,
 * but one iterator is used by one thread. Scanning has no side effects, so it can be repeated.
 */
public interface ScanSource {
    Iterator<ColumnBatch> scan(ScanSpec spec);
}
