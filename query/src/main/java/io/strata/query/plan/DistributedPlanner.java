package io.strata.query.plan;

import io.strata.query.expression.FunctionResolver;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.aggregate.AggregateFunction;
import io.strata.query.plan.PlanNode.AggregationStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a logical plan for the cluster. Every maximal chain of filters and projections over one
 * table scan becomes a {@link ShardFragment}; when an aggregation sits directly on such a chain
 * (and has no DISTINCT aggregate), a PARTIAL step of it joins the fragment and a FINAL step
 * stays on the coordinator (avg from count and mean, stddev from count, mean and squared
 * deviations, max_by from (max, value), approx_distinct from HLL registers). Everything else —
 * HAVING, windows, ORDER BY, LIMIT, joins, set operations — runs on the coordinator. A projection
 * that yields arrays, rows or time series also runs on the coordinator, over the fragment below it:
 * shard results travel as scalar columns only. Thread-safe.
 */
public final class DistributedPlanner {
    private final FunctionResolver functions;

    public DistributedPlanner(FunctionResolver functions) {
        this.functions = functions;
    }

    public DistributedPlan split(QueryPlan plan) {
        List<ShardFragment> fragments = new ArrayList<>();
        PlanNode root = rewrite(ScanPushdown.apply(plan.root()), fragments);
        return new DistributedPlan(root, fragments, plan.columnNames());
    }

    private PlanNode rewrite(PlanNode node, List<ShardFragment> fragments) {
        if (isShardChain(node)) {
            return remote(node, fragments);
        }
        if (node instanceof PlanNode.Aggregate aggregate && aggregate.step() == AggregationStep.SINGLE
                && isShardChain(aggregate.source()) && aggregate.calls().stream().noneMatch(AggregateCall::distinct)) {
            return splitAggregate(aggregate, fragments);
        }
        List<PlanNode> sources = new ArrayList<>();
        for (PlanNode source : node.sources()) {
            sources.add(rewrite(source, fragments));
        }
        return ScanPushdown.replaceSources(node, sources);
    }

    private static boolean isShardChain(PlanNode node) {
        return switch (node) {
            case PlanNode.TableScan ignored -> true;
            case PlanNode.Filter filter -> isShardChain(filter.source());
            case PlanNode.Project project -> project.outputTypes().stream().noneMatch(SqlType::isComposite)
                    && isShardChain(project.source());
            default -> false;
        };
    }

    private static PlanNode remote(PlanNode fragmentRoot, List<ShardFragment> fragments) {
        int id = fragments.size();
        fragments.add(new ShardFragment(id, fragmentRoot));
        return new PlanNode.RemoteSource(id, fragmentRoot.outputTypes());
    }

    private PlanNode splitAggregate(PlanNode.Aggregate aggregate, List<ShardFragment> fragments) {
        List<List<SqlType>> partialOutputs = new ArrayList<>();
        List<AggregateCall> finalCalls = new ArrayList<>();
        int channel = aggregate.groupTypes().size();
        for (AggregateCall call : aggregate.calls()) {
            AggregateFunction function = functions.resolveAggregate(call.name(), call.argumentTypes()).orElseThrow();
            partialOutputs.add(function.intermediateTypes());
            List<Integer> stateChannels = new ArrayList<>();
            for (int index = 0; index < function.intermediateTypes().size(); index++) {
                stateChannels.add(channel++);
            }
            finalCalls.add(new AggregateCall(call.name(), call.argumentTypes(), stateChannels, false));
        }
        PlanNode.Aggregate partial = new PlanNode.Aggregate(aggregate.source(), aggregate.groupChannels(), aggregate.calls(),
                AggregationStep.PARTIAL, aggregate.groupTypes(), partialOutputs);
        PlanNode remote = remote(partial, fragments);
        List<Integer> groupChannels = new ArrayList<>();
        for (int index = 0; index < aggregate.groupTypes().size(); index++) {
            groupChannels.add(index);
        }
        return new PlanNode.Aggregate(remote, groupChannels, finalCalls, AggregationStep.FINAL, aggregate.groupTypes(),
                aggregate.callOutputTypes());
    }
}
