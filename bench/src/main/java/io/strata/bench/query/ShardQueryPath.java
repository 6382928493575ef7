package io.strata.bench.query;

import com.google.protobuf.ByteString;
import io.strata.core.batch.ColumnBatch;
import io.strata.internal.v1.FragmentRequest;
import io.strata.internal.v1.PlanFragment;
import io.strata.query.analysis.QueryAnalyzer;
import io.strata.query.catalog.CatalogSnapshot;
import io.strata.query.catalog.TableName;
import io.strata.query.execution.QueryContext;
import io.strata.query.execution.QueryExecutor;
import io.strata.query.execution.QueryLimits;
import io.strata.query.execution.QueryResult;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.parse.ParsedStatement;
import io.strata.query.parse.SqlParser;
import io.strata.query.plan.DistributedPlan;
import io.strata.query.plan.DistributedPlanner;
import io.strata.query.plan.PlanCodec;
import io.strata.query.plan.QueryPlan;
import io.strata.query.plan.ShardFragment;
import io.strata.raft.query.ReadBarrier;
import io.strata.raft.query.ShardFragmentExecutor;
import io.strata.raft.shard.ColumnBatchMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A query as a node runs it over one shard, without the network: parse, analyze against the
 * table's schema, split into a shard fragment and a coordinator plan ({@link DistributedPlanner}),
 * encode the fragment as the internal RPC carries it ({@link PlanCodec} in a {@link FragmentRequest}),
 * run it with the node's {@link ShardFragmentExecutor} over the {@link DevopsShard}'s replica (its
 * output batches go through the same {@code ColumnBatchMessage} encoding as on the wire), and merge
 * on the coordinator side with {@link QueryExecutor}. What is left out: gRPC transport, the
 * read-index barrier and the public API's paging.
 *
 * <p>Thread-safe; each query runs on the calling thread.
 */
public final class ShardQueryPath {
    private final SqlParser parser = new SqlParser();
    private final QueryAnalyzer analyzer;
    private final DistributedPlanner planner;
    private final QueryExecutor executor;
    private final ShardFragmentExecutor shard;
    private final Clock clock;

    /** @param clock the queries' {@code now()} */
    public ShardQueryPath(DevopsShard data, Clock clock) {
        FunctionResolver functions = FunctionResolver.builtIn();
        this.clock = clock;
        this.analyzer = new QueryAnalyzer(new CatalogSnapshot(
                Map.of(DevopsShard.DATABASE, Map.of(DevopsShard.TABLE, data.table().schema()))), functions);
        this.planner = new DistributedPlanner(functions);
        this.executor = new QueryExecutor(functions);
        this.shard = new ShardFragmentExecutor(group -> Optional.of(data.replica()), name -> data.table(),
                group -> CompletableFuture.completedFuture(ReadBarrier.answer(data.replica().lastAppliedIndex())),
                executor, Duration.ofSeconds(30));
    }

    public QueryResult run(String sql) {
        QueryContext context = new QueryContext(clock, QueryLimits.DEFAULT);
        ParsedStatement.Select select = (ParsedStatement.Select) parser.parse(sql);
        QueryPlan plan = analyzer.analyze(select, context.queryClock(), Map.of());
        DistributedPlan distributed = planner.split(plan);
        return executor.execute(distributed, this::runFragment, context);
    }

    private Iterator<ColumnBatch> runFragment(ShardFragment fragment, QueryContext context) {
        FragmentRequest request = FragmentRequest.newBuilder()
                .setGroupId(DevopsShard.GROUP.uuid().toString())
                .setFragment(PlanFragment.newBuilder().setFormatVersion(PlanCodec.VERSION)
                        .setPlan(ByteString.copyFrom(PlanCodec.encode(fragment))))
                .setReadIndex(false)
                .setQueryId("bench")
                .build();
        List<ColumnBatch> batches = new ArrayList<>();
        shard.execute(request, context, result -> {
            if (result.hasBatch()) {
                batches.add(ColumnBatchMessages.fromMessage(result.getBatch()));
            }
        });
        return batches.iterator();
    }

    /** The table as queries name it. */
    public static TableName tableName() {
        return new TableName(DevopsShard.DATABASE, DevopsShard.TABLE);
    }
}
