package io.strata.query.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A plan split for a cluster: the coordinator's part, reading fragments' output through RemoteSources. */
public record DistributedPlan(PlanNode coordinatorRoot, List<ShardFragment> fragments, List<String> columnNames) {
    public DistributedPlan {
        fragments = List.copyOf(fragments);
        columnNames = List.copyOf(columnNames);
    }

    public Map<Integer, ShardFragment> fragmentsById() {
        return fragments.stream().collect(Collectors.toMap(ShardFragment::id, Function.identity()));
    }
}
