package io.strata.query.plan;

import java.util.Objects;

/**
 * The part of a plan that runs on every shard holding rows of one table: a scan (with pushed
 * down time range and partition-key values), filters, projections and possibly a partial
 * aggregation. Serialized for the internal RPC with {@link PlanCodec}.
 */
public record ShardFragment(int id, PlanNode root) {
    public ShardFragment {
        Objects.requireNonNull(root, "root");
    }

    /** The scan of the fragment: what the cluster uses to choose shards and prune partitions. */
    public PlanNode.TableScan scan() {
        PlanNode node = root;
        while (!(node instanceof PlanNode.TableScan scan)) {
            node = node.sources().getFirst();
        }
        return scan;
    }
}
