package io.strata.raft.query;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import io.strata.internal.v1.FragmentRequest;
import io.strata.internal.v1.FragmentResult;
import io.strata.query.catalog.TableName;
import io.strata.query.execution.QueryContext;
import io.strata.query.execution.QueryExecutor;
import io.strata.query.plan.PlanCodec;
import io.strata.query.plan.ShardFragment;
import io.strata.raft.GroupId;
import io.strata.raft.shard.ColumnBatchMessages;
import io.strata.raft.shard.ShardStoreReplica;
import io.strata.tier.shard.ScanRequest;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a node does for {@code ShardQueryService.ExecuteFragment}: runs a decoded
 * {@link ShardFragment} over this node's replica of the group and hands each output batch, with the
 * bytes scanned since the previous message, to a sink.
 *
 * <p><b>Linearizable reads.</b> With {@code read_index} set, the replica first passes a
 * {@link ReadBarrier}: it asks the group (Ratis routes the read to the leader, which confirms its
 * leadership with a read index) for the leader's applied index, then waits until this replica has
 * applied as far. The scan then sees every write acknowledged before the call, whether this
 * replica is the leader (no wait) or a follower (waits for its log to catch up). Coordinators send
 * fragments to the leader, so the wait is normally nil; a follower answers correctly too.
 *
 * <p><b>Threading.</b> Thread-safe; each call runs on the calling thread and blocks until the
 * fragment is done, the context is cancelled or its deadline passes. A call has no side effects
 * and may be retried on another replica.
 */
public final class ShardFragmentExecutor {
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Function<GroupId, Optional<ShardStoreReplica>> localReplicas;
    private final Function<TableName, ShardTable> tables;
    private final Function<GroupId, CompletableFuture<byte[]>> groupReads;
    private final QueryExecutor executor;
    private final Duration barrierTimeout;

    /**
     * @param localReplicas this node's open replica of a group, if it hosts one
     * @param tables a table as this node's catalog sees it (throws when unknown)
     * @param groupReads sends a read-only request through a group's Raft read path
     *     ({@link io.strata.raft.client.GroupClient#read})
     * @param barrierTimeout how long the read barrier and the catch-up after it may take
     */
    public ShardFragmentExecutor(Function<GroupId, Optional<ShardStoreReplica>> localReplicas,
                                 Function<TableName, ShardTable> tables,
                                 Function<GroupId, CompletableFuture<byte[]>> groupReads,
                                 QueryExecutor executor, Duration barrierTimeout) {
        this.localReplicas = Objects.requireNonNull(localReplicas, "localReplicas");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.groupReads = Objects.requireNonNull(groupReads, "groupReads");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.barrierTimeout = Objects.requireNonNull(barrierTimeout, "barrierTimeout");
    }

    public void execute(FragmentRequest request, QueryContext context, Consumer<FragmentResult> sink) {
        GroupId group = groupOf(request.getGroupId());
        ShardStoreReplica replica = localReplicas.apply(group).orElseThrow(() -> new ServiceUnavailableException(
                "This node does not host " + group + "; refresh routing and retry."));
        ShardFragment fragment = decode(request);
        if (request.getReadIndex()) {
            awaitReadBarrier(group, replica, context);
        }
        AtomicLong bytesScanned = new AtomicLong();
        ShardScanSource source = new ShardScanSource(replica, tables, bytesScanned, ScanRequest.DEFAULT_BATCH_ROWS);
        Iterator<ColumnBatch> batches = executor.executeFragment(fragment, table -> source, context);
        long reported = 0;
        while (batches.hasNext()) {
            ColumnBatch batch = batches.next();
            context.checkRunning();
            long scanned = bytesScanned.get();
            sink.accept(FragmentResult.newBuilder()
                    .setBatch(ColumnBatchMessages.toMessage(batch))
                    .setBytesScanned(scanned - reported)
                    .build());
            reported = scanned;
        }
        long scanned = bytesScanned.get();
        if (scanned > reported) {
            sink.accept(FragmentResult.newBuilder().setBytesScanned(scanned - reported).build());
        }
    }

    private static GroupId groupOf(String text) {
        try {
            return new GroupId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The group id '" + text + "' is not a UUID.");
        }
    }

    private static ShardFragment decode(FragmentRequest request) {
        if (request.getFragment().getFormatVersion() != PlanCodec.VERSION) {
            throw new ValidationException("Plan fragment format version " + request.getFragment().getFormatVersion()
                    + " is not supported (this node reads " + PlanCodec.VERSION + ")");
        }
        return PlanCodec.decode(request.getFragment().getPlan().toByteArray());
    }

    private void awaitReadBarrier(GroupId group, ShardStoreReplica replica, QueryContext context) {
        long deadline = System.nanoTime() + barrierTimeout.toNanos();
        long readIndex;
        try {
            readIndex = ReadBarrier.appliedIndex(groupReads.apply(group).get(barrierTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof StrataException strata) {
                throw strata;
            }
            throw new ServiceUnavailableException("The read barrier of " + group + " failed: " + failed.getCause(),
                    failed.getCause());
        } catch (TimeoutException late) {
            throw new ServiceUnavailableException("The read barrier of " + group + " was not answered within "
                    + barrierTimeout + "; retry.", late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting for the read barrier of " + group, interrupted);
        }
        long pause = TimeUnit.MICROSECONDS.toNanos(100);
        while (replica.lastAppliedIndex() < readIndex) {
            context.checkRunning();
            if (System.nanoTime() - deadline > 0) {
                throw new ServiceUnavailableException("This replica of " + group + " did not catch up with index "
                        + readIndex + " within " + barrierTimeout + " (it is at " + replica.lastAppliedIndex()
                        + "); retry on the leader.");
            }
            // The state machine offers no signal for "applied up to"; the wait is short (a follower
            // a few entries behind) and rare (coordinators call the leader).
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }
}
