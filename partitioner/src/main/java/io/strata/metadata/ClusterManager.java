package io.strata.metadata;

import io.strata.core.error.ServiceUnavailableException;
import io.strata.placement.GroupPlacement;
import io.strata.placement.Placement;
import io.strata.placement.PlacementNode;
import io.strata.placement.PlacementPlanner;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * <p><b>Departure grace.</b> A node the placement names that is not registered keeps its groups
 * until it has been absent for {@code departureGrace}, whatever triggers the recomputation (its
 * delete event, another node's arrival, a new manager): a restart or a short session blip must not
 * move every group of that node. The manager remembers since when (by its injected clock) it has
 * seen each such node absent; a new manager starts that count when it takes over, so a failover
 * can lengthen a grace, never shorten it. After the grace the node's groups get a peer in its zone
 * (the zone is read from the placement, since the registration is gone); the move itself is a Raft
 * membership change driven by each group's leader (see {@link GroupPlacement#configuration()} and
 * {@link PlacementProgress}). Arrivals are acted on at once (they only fill groups that lack a
 * peer). Fewer than three zones: the stored placement stays as it is and {@link #lastError()} says
 * why.
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
    private final Clock clock;
    /** Since when each placed but unregistered node has been seen absent; worker thread only. */
    private final Map<String, Instant> absentSince = new HashMap<>();
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
        this(client, paths, participantId, groupCount, departureGrace, Clock.systemUTC());
    }

    /** @param clock measures the departure grace */
    public ClusterManager(CuratorFramework client, MetadataPaths paths, String participantId, int groupCount,
                          Duration departureGrace, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
                absentSince.clear(); // this manager saw nobody leave: every grace starts now
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
                .forDeletes(deleted -> recomputeAfter(Duration.ZERO)) // starts the node's grace
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

    /**
     * Asks for a recomputation now (for example after changing the group count by hand); the
     * future completes once it has run (and written, if something had to move).
     */
    public Future<?> recomputeNow() {
        return recomputeAfter(Duration.ZERO);
    }

    private Future<?> recomputeAfter(Duration delay) {
        try {
            return worker.schedule(this::recompute, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private void recompute() {
        if (!latch.hasLeadership()) {
            return;
        }
        try {
            List<PlacementNode> live = MembershipRegistry.liveMembers(client, paths).stream()
                    .map(NodeRegistration::placementNode).toList();
            Stat stat = new Stat();
            Placement current;
            try {
                current = PlacementCodec.fromBytes(client.getData().storingStatIn(stat).forPath(paths.placement()));
            } catch (KeeperException.NoNodeException none) {
                current = Placement.unassigned(groupCount);
                stat = null;
            }
            List<PlacementNode> absent = withinGrace(current, live);
            Placement next;
            try {
                next = planner.replace(current, live, absent);
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
            LOG.info("placement epoch {} written for {} live nodes ({} absent within their grace: {})", next.epoch(),
                    live.size(), absent.size(), absent);
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

    /**
     * The nodes {@code current} places that are not registered and have been absent for less than
     * the grace; schedules a recomputation for when the first of those graces ends. A node whose
     * zone the placement does not record cannot be kept for lack of a zone (a placement written
     * before zones were recorded), so its groups move at once, as they used to.
     */
    private List<PlacementNode> withinGrace(Placement current, List<PlacementNode> live) {
        Map<String, PlacementNode> registered = new HashMap<>();
        live.forEach(node -> registered.put(node.nodeId(), node));
        absentSince.keySet().removeAll(registered.keySet());
        Instant now = clock.instant();
        List<PlacementNode> absent = new ArrayList<>();
        Set<String> considered = new HashSet<>(registered.keySet());
        Set<String> placedAbsent = new HashSet<>();
        Duration nextExpiry = null;
        for (GroupPlacement group : current.groups()) {
            for (String node : group.replicaHolders()) {
                if (!considered.add(node)) {
                    continue;
                }
                placedAbsent.add(node);
                Optional<String> zone = current.zoneOf(node);
                if (zone.isEmpty()) {
                    continue;
                }
                Instant since = absentSince.computeIfAbsent(node, n -> now);
                Duration remaining = departureGrace.minus(Duration.between(since, now));
                if (remaining.isPositive()) {
                    absent.add(new PlacementNode(node, zone.get()));
                    if (nextExpiry == null || remaining.compareTo(nextExpiry) < 0) {
                        nextExpiry = remaining;
                    }
                }
            }
        }
        absentSince.keySet().retainAll(placedAbsent);
        if (nextExpiry != null) {
            recomputeAfter(nextExpiry.plusMillis(1));
        }
        return absent;
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
