package io.strata.query.execution;

import io.strata.core.batch.ColumnBatch;
import io.strata.query.catalog.TableName;
import io.strata.query.operator.ScanSource;
import io.strata.query.plan.PlanCodec;
import io.strata.query.plan.ShardFragment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only {@link FragmentRunner}: each fragment goes through {@link PlanCodec} bytes, as over
 * the internal RPC, and runs on every in-process shard (each with its own disjoint rows).
 */
final class InProcessFragmentRunner implements FragmentRunner {
    private final List<Map<TableName, ScanSource>> shards;
    private final QueryExecutor executor;
    final AtomicInteger fragmentsRun = new AtomicInteger();

    InProcessFragmentRunner(List<Map<TableName, ScanSource>> shards, QueryExecutor executor) {
        this.shards = List.copyOf(shards);
        this.executor = executor;
    }

    @Override
    public Iterator<ColumnBatch> run(ShardFragment fragment, QueryContext context) {
        byte[] bytes = PlanCodec.encode(fragment);
        List<ColumnBatch> batches = new ArrayList<>();
        for (Map<TableName, ScanSource> shard : shards) {
            ShardFragment received = PlanCodec.decode(bytes);
            fragmentsRun.incrementAndGet();
            executor.executeFragment(received, shard::get, context).forEachRemaining(batches::add);
        }
        return batches.iterator();
    }
}
