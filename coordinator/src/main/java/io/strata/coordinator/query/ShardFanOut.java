package io.strata.coordinator.query;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.strata.coordinator.catalog.TableCatalog;
import io.strata.coordinator.catalog.WritableTable;
import io.strata.coordinator.membership.NodeAddresses;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.StrataException;
import io.strata.core.table.PartitionKeyType;
import io.strata.internal.v1.FragmentRequest;
import io.strata.internal.v1.FragmentResult;
import io.strata.internal.v1.PlanFragment;
import io.strata.internal.v1.ShardQueryServiceGrpc;
import io.strata.metadata.NodeRegistration;
import io.strata.metadata.RoutingCache;
import io.strata.metadata.RoutingView;
import io.strata.partition.PartitionFunction;
import io.strata.partition.PartitionKey;
import io.strata.partition.PartitionPruner;
import io.strata.partition.PartitionRouter;
import io.strata.partition.PartitionSettings;
import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import io.strata.query.execution.QueryContext;
import io.strata.query.plan.PlanCodec;
import io.strata.query.plan.ScanSpec;
import io.strata.query.plan.ShardFragment;
import io.strata.query.plan.TimeRange;
import io.strata.raft.shard.ColumnBatchMessages;
import io.strata.raft.shard.ShardGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Runs a shard fragment on every Raft group that may hold its rows: prunes groups with the
 * fragment's time range and the values it requires of the table's partition-key dimension
 * ({@link PartitionPruner}, the same function the write path routes by), sends the fragment to one
 * replica per group over {@code ShardQueryService.ExecuteFragment} with a read-index barrier, and
 * collects each group's output.
 *
 * <p><b>Replica choice and retries.</b> The group's leader as this node sees it comes first (no
 * catch-up wait behind the barrier), then the placement's live peers, preferred leader first. A
 * replica that answers {@link ServiceUnavailableException} (does not host the group, no quorum,
 * schema not caught up) or cannot be reached is replaced by the next, with a growing pause, until
 * {@code retryBudget} has passed. A group's batches are kept only from the attempt that completed,
 * so each group's rows count exactly once. Received batches count against the query's memory
 * budget until the engine takes them.
 *
 * <p><b>Threading.</b> Thread-safe. Groups are fetched concurrently on {@code executor}; the
 * returned iterator is used by the query's thread. Cancelling the gRPC {@link Context} given to
 * {@link #run} cancels every call in flight.
 */
public final class ShardFanOut implements FragmentRunners {
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    private final RoutingCache routing;
    private final TableCatalog tables;
    private final NodeChannels channels;
    private final Function<io.strata.raft.GroupId, Optional<String>> localLeaderOf;
    private final ExecutorService executor;
    private final Duration retryBudget;

    /**
     * @param localLeaderOf the node id of a group's leader as this node's Raft server knows it,
     *     when it hosts the group
     */
    public ShardFanOut(RoutingCache routing, TableCatalog tables, NodeChannels channels,
                       Function<io.strata.raft.GroupId, Optional<String>> localLeaderOf, ExecutorService executor,
                       Duration retryBudget) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.localLeaderOf = Objects.requireNonNull(localLeaderOf, "localLeaderOf");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
    }

    @Override
    public io.strata.query.execution.FragmentRunner forQuery(String queryId, Context.CancellableContext calls,
                                                             AtomicLong bytesScanned) {
        return (fragment, context) -> run(fragment, context, queryId, calls, bytesScanned);
    }

    /**
     * Runs {@code fragment} on the groups that may hold its rows and returns their batches, group
     * after group. Blocks until every group has answered.
     *
     * @param calls the query's cancellable gRPC context; every call runs in it
     * @param bytesScanned receives the bytes the shards report, once per group
     */
    Iterator<ColumnBatch> run(ShardFragment fragment, QueryContext context, String queryId, Context.CancellableContext calls,
                              AtomicLong bytesScanned) {
        ScanSpec spec = fragment.scan().spec();
        RoutingView view = routing.routableView();
        Placement placement = view.placementIfAny().orElseThrow(() -> new ServiceUnavailableException(
                "The cluster has no placement yet (fewer than three zones have joined); retry shortly."));
        Set<GroupId> groups = groupsToVisit(spec, placement);
        byte[] plan = PlanCodec.encode(fragment);
        long deadlineNanos = System.nanoTime() + retryBudget.toNanos();
        List<CompletableFuture<GroupOutput>> outputs = new ArrayList<>(groups.size());
        for (GroupId group : groups) {
            FragmentRequest request = FragmentRequest.newBuilder()
                    .setGroupId(ShardGroups.raftGroupOf(group).uuid().toString())
                    .setFragment(PlanFragment.newBuilder().setFormatVersion(PlanCodec.VERSION).setPlan(ByteString.copyFrom(plan)))
                    .setReadIndex(true)
                    .setQueryId(queryId)
                    .build();
            outputs.add(CompletableFuture.supplyAsync(() -> fetch(group, request, context, deadlineNanos),
                    calls.fixedContextExecutor(executor)));
        }
        List<ColumnBatch> batches = new ArrayList<>();
        for (CompletableFuture<GroupOutput> output : outputs) {
            GroupOutput answered = await(output, calls);
            bytesScanned.addAndGet(answered.bytesScanned());
            batches.addAll(answered.batches());
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches.size();
            }

            @Override
            public ColumnBatch next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                ColumnBatch batch = batches.set(next++, null);
                context.adjustMemory(-heldBytes(batch)); // the engine's operators count what they keep
                return batch;
            }
        };
    }

    /**
     * What a received batch holds on the heap, roughly: eight bytes a value. Buffered output is
     * charged to the query's memory budget until the engine takes it, so a fragment returning
     * more rows than the budget fails the query instead of the node.
     */
    private static long heldBytes(ColumnBatch batch) {
        return 64 + (long) batch.rowCount() * batch.columnCount() * Long.BYTES;
    }

    private Set<GroupId> groupsToVisit(ScanSpec spec, Placement placement) {
        WritableTable table = tables.writable(spec.table().database(), spec.table().table());
        PartitionKey key = partitionKey(table);
        PartitionPruner pruner = new PartitionPruner(new PartitionFunction(spec.table().database(), spec.table().table(),
                PartitionSettings.defaultsWithKey(key)), PartitionRouter.of(placement));
        TimeRange time = spec.timeRange();
        if (time.isEmpty()) {
            return Set.of();
        }
        long toExclusive = time.highest() == Long.MAX_VALUE ? Long.MAX_VALUE : time.highest() + 1;
        Set<String> keyValues = key.kind() == PartitionKey.Kind.DIMENSION
                ? spec.columnValues().get(key.dimensionName()) : null;
        Set<GroupId> groups = new TreeSet<>();
        if (keyValues == null) {
            groups.addAll(pruner.groupsToVisit(pruner.select(time.lowest(), toExclusive, Optional.empty())));
        } else {
            for (String value : keyValues) {
                groups.addAll(pruner.groupsToVisit(pruner.select(time.lowest(), toExclusive, Optional.of(value))));
            }
        }
        return groups;
    }

    /** As the write path partitions: by the partition-key dimension, else by series. */
    private static PartitionKey partitionKey(WritableTable table) {
        io.strata.core.table.PartitionKey key = table.definition().partitionKey().key();
        return key.type() == PartitionKeyType.DIMENSION
                ? PartitionKey.dimension(key.name().orElseThrow())
                : PartitionKey.series();
    }

    private GroupOutput fetch(GroupId group, FragmentRequest request, QueryContext context, long deadlineNanos) {
        long pause = FIRST_PAUSE_MILLIS;
        StrataException last = null;
        while (true) {
            context.checkRunning();
            for (NodeRegistration replica : replicas(group)) {
                String address = replica.addresses().get(NodeAddresses.GRPC);
                if (address == null) {
                    continue;
                }
                try {
                    return call(address, request, context);
                } catch (StatusRuntimeException failed) {
                    StrataException error = RemoteErrors.of(failed, replica.nodeId());
                    if (!(error instanceof ServiceUnavailableException) || Context.current().isCancelled()) {
                        throw error;
                    }
                    last = error;
                }
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw last != null ? last : new ServiceUnavailableException("No live replica of " + group
                        + " is known; retry shortly.");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    /** The group's live replicas, the leader this node knows of first, then the preferred leader. */
    private List<NodeRegistration> replicas(GroupId group) {
        RoutingView view = routing.view();
        List<NodeRegistration> peers = view.livePeers(group);
        Optional<String> leader;
        try {
            leader = localLeaderOf.apply(ShardGroups.raftGroupOf(group));
        } catch (RuntimeException startingOrStopping) {
            leader = Optional.empty(); // Ratis refuses status while a group starts: the placement order will do
        }
        LinkedHashSet<NodeRegistration> ordered = new LinkedHashSet<>();
        leader.ifPresent(id -> peers.stream().filter(peer -> peer.nodeId().equals(id)).forEach(ordered::add));
        ordered.addAll(peers);
        return List.copyOf(ordered);
    }

    private GroupOutput call(String address, FragmentRequest request, QueryContext context) {
        List<ColumnBatch> batches = new ArrayList<>();
        long bytes = 0;
        long held = 0;
        try {
            Iterator<FragmentResult> results = ShardQueryServiceGrpc.newBlockingStub(channels.channel(address))
                    .executeFragment(request);
            while (results.hasNext()) {
                FragmentResult result = results.next();
                bytes += result.getBytesScanned();
                if (result.hasBatch()) {
                    ColumnBatch batch = ColumnBatchMessages.fromMessage(result.getBatch());
                    context.adjustMemory(heldBytes(batch));
                    held += heldBytes(batch);
                    batches.add(batch);
                }
            }
        } catch (RuntimeException failed) {
            context.adjustMemory(-held); // this attempt's batches are dropped
            throw failed;
        }
        return new GroupOutput(batches, bytes);
    }

    private static GroupOutput await(CompletableFuture<GroupOutput> output, Context.CancellableContext calls) {
        try {
            return output.join();
        } catch (CompletionException | CancellationException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            calls.cancel(null); // the query fails: stop the other groups' work
            if (cause instanceof StrataException strata) {
                throw strata;
            }
            throw new QueryExecutionException("A shard fragment failed: " + cause, cause);
        }
    }

    private record GroupOutput(List<ColumnBatch> batches, long bytesScanned) {}
}
