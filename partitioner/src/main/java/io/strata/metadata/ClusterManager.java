package io.strata.metadata;

import io.strata.core.error.ServiceUnavailableException;
import io.strata.placement.Placement;
import io.strata.placement.PlacementNode;
import io.strata.placement.PlacementPlanner;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.TransactionOp;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one node (elected with Curator's {@link LeaderLatch}) that owns placement: while leader it
 * recomputes the placement whenever membership changes and writes it to {@code placement}.
 *
 * <p>Every node runs one; all but the leader idle. A recomputation reads the live members and the
 * stored placement straight from ZooKeeper (never from a possibly coalesced cache event), asks
 * {@link PlacementPlanner#replace} for the minimal change, and writes only when something moved.
 * The write is one transaction that also checks this participant's latch znode still exists and
 * compares the placement's znode version: a leader that lost its session (and so its latch node)
 * cannot overwrite its successor, and two writers can never interleave.
 *
 * <p>A node that disappears is acted on after {@code departureGrace}: a restart or a short session
 * blip should not move every group of that node. Arrivals are acted on at once (they only fill
 * groups that lack a peer). Fewer than three zones: the stored placement stays as it is and
 * {@link #lastError()} says why.
 *
 * <p>Threading: all recomputation runs on one internal thread, in order; public methods are
 * thread-safe. Idempotent: recomputing with unchanged membership writes nothing.
 */
public final class ClusterManager implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterManager.class);

    private final CuratorFramework client;
    private final MetadataPaths paths;
    private final int groupCount;
    private final Duration departureGrace;
    private final PlacementPlanner planner = new PlacementPlanner();
    private final LeaderLatch latch;
    private final CuratorCache membersCache;
    private final ScheduledExecutorService worker;
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param participantId  this node's id in the election
     * @param groupCount     the number of Raft groups, used only when no placement exists yet
     * @param departureGrace how long a node may be gone before its groups move
     */
    public ClusterManager(CuratorFramework client, MetadataPaths paths, String participantId, int groupCount,
                          Duration departureGrace) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = Objects.requireNonNull(paths, "paths");
        if (groupCount < 1) {
            throw new IllegalArgumentException("group count must be >= 1, got " + groupCount);
        }
        this.groupCount = groupCount;
        this.departureGrace = Objects.requireNonNull(departureGrace, "departureGrace");
        this.latch = new LeaderLatch(client, paths.clusterManagerLatch(), participantId);
        this.membersCache = CuratorCache.build(client, paths.members());
        this.worker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("cluster-manager-" + participantId).daemon().factory());
    }

    public void start() throws Exception {
        paths.createParents(client);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                LOG.info("{} is the cluster manager now", latch.getId());
                recomputeAfter(Duration.ZERO);
            }

            @Override
            public void notLeader() {
                LOG.info("{} is no longer the cluster manager", latch.getId());
            }
        }, worker);
        membersCache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(created -> recomputeAfter(Duration.ZERO))
                .forChanges((before, after) -> recomputeAfter(Duration.ZERO))
                .forDeletes(deleted -> recomputeAfter(departureGrace))
                .build());
        membersCache.start();
        latch.start();
    }

    public boolean isLeader() {
        return latch.hasLeadership();
    }

    /** Why the last recomputation wrote nothing although it should have, if it failed. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** Asks for a recomputation now (for example after changing the group count by hand). */
    public void recomputeNow() {
        recomputeAfter(Duration.ZERO);
    }

    private void recomputeAfter(Duration delay) {
        try {
            worker.schedule(this::recompute, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // shutting down
        }
    }

    private void recompute() {
        if (!latch.hasLeadership()) {
            return;
        }
        try {
            List<PlacementNode> nodes = MembershipRegistry.liveMembers(client, paths).stream()
                    .map(NodeRegistration::placementNode).toList();
            Stat stat = new Stat();
            Placement current;
            try {
                current = PlacementCodec.fromBytes(client.getData().storingStatIn(stat).forPath(paths.placement()));
            } catch (KeeperException.NoNodeException none) {
                current = Placement.unassigned(groupCount);
                stat = null;
            }
            Placement next;
            try {
                next = planner.replace(current, nodes);
            } catch (ServiceUnavailableException tooFewZones) {
                lastError.set(tooFewZones.getMessage());
                LOG.warn("placement left unchanged: {}", tooFewZones.getMessage());
                return;
            }
            lastError.set(null);
            if (next == current) {
                return;
            }
            TransactionOp op = client.transactionOp();
            byte[] bytes = PlacementCodec.toBytes(next);
            client.transaction().forOperations(
                    op.check().forPath(latch.getOurPath()),
                    stat == null
                            ? op.create().forPath(paths.placement(), bytes)
                            : op.setData().withVersion(stat.getVersion()).forPath(paths.placement(), bytes));
            LOG.info("placement epoch {} written for {} nodes", next.epoch(), nodes.size());
        } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException raced) {
            recomputeAfter(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // connection trouble or lost latch node: the next leader (maybe us again) recomputes
            lastError.set(e.toString());
            LOG.warn("placement recomputation failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        membersCache.close();
        try {
            latch.close();
        } finally {
            worker.shutdownNow();
        }
    }
}
