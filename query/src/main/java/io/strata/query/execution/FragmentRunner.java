package io.strata.query.execution;

import io.strata.core.batch.ColumnBatch;
import io.strata.query.plan.ShardFragment;
import java.util.Iterator;

/**
 * Runs a shard fragment on every shard that holds rows of its table and returns all their output
 * batches (columns: the fragment's output types, in order). The cluster implements it over the
 * internal gRPC API, shipping {@link io.strata.query.plan.PlanCodec} bytes; tests run fragments
 * in-process.
 *
 * <p>Contract: batches from different shards may interleave in any order; every shard's output
 * must be returned exactly once (a retried shard must not be counted twice). Called from the
 * coordinator thread running the query; the iterator is used by that thread only. Cancelling the
 * {@link QueryContext} must stop the shards' work.
 */
public interface FragmentRunner {
    Iterator<ColumnBatch> run(ShardFragment fragment, QueryContext context);
}
