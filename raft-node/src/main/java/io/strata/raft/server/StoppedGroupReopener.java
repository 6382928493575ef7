package io.strata.raft.server;

import io.strata.raft.GroupId;
import io.strata.raft.statemachine.ShardStateMachine;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reopens the groups of one node whose Ratis division stopped on its own while the node runs: a
 * shard that failed to apply a command halts its state machine and Ratis closes the division (see
 * {@link ShardStateMachine#applyTransaction}); Ratis also closes a division whose log cannot be
 * written. Left alone, such a replica would stay behind its peers until the process restarts. A
 * reopen is what a restart would do for that one group: the division is removed from the server
 * without touching its directory and added back from it, so the shard reopens from its snapshot and
 * journal and Ratis re-applies the log after the snapshot (or installs a peer's). A reopen that
 * fails — the disk is still full — is retried with a growing delay, up to {@code maximumDelay};
 * until it succeeds the node reports the group as halted ({@link #halted}).
 *
 * <p><b>Threading.</b> One scheduler thread checks and reopens. {@link #forget} (a group being
 * removed) and the reopen itself run under {@code groupChanges}, the lock the node holds while it
 * adds or removes groups, so a group removed on purpose is never brought back. {@link #halted} may
 * be called from any thread.
 */
final class StoppedGroupReopener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoppedGroupReopener.class);
    /** Consecutive healthy checks after which a group's delay starts again from the shortest. */
    private static final int HEALTHY_CHECKS_TO_RESET = 30;

    private final RaftServer server;
    private final RaftPeerId self;
    private final Object groupChanges;
    private final Duration checkEvery;
    private final Duration maximumDelay;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();
    /** Groups found stopped and not yet running again, with why; cleared by a successful reopen. */
    private final Map<RaftGroupId, Stopped> stopped = new ConcurrentHashMap<>();
    /** Per group: how many reopens in a row, and how many healthy checks since the last. */
    private final Map<RaftGroupId, int[]> history = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    /** A stopped group: its last membership (to add it back with) and the reason it stopped. */
    private record Stopped(RaftGroup group, String reason, boolean scheduled) {}

    StoppedGroupReopener(RaftServer server, RaftPeerId self, Object groupChanges, Duration checkEvery,
            Duration maximumDelay) {
        this.server = server;
        this.self = self;
        this.groupChanges = groupChanges;
        this.checkEvery = checkEvery;
        this.maximumDelay = maximumDelay;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("reopen-" + self).factory());
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::checkSafely, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Why {@code groupId} stopped on this node, while it has not been reopened yet. */
    Optional<String> halted(GroupId groupId) {
        return Optional.ofNullable(stopped.get(groupId.raftGroupId())).map(Stopped::reason);
    }

    /** Called under {@code groupChanges} by a deliberate removal: the group must not come back. */
    void forget(GroupId groupId) {
        stopped.remove(groupId.raftGroupId());
        history.remove(groupId.raftGroupId());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("{}: a group reopen is still running after a minute", self);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("{}: checking for stopped groups failed; checking again in {}", self, checkEvery, e);
        }
    }

    private void check() {
        for (RaftGroupId id : server.getGroupIds()) {
            RaftServer.Division division;
            try {
                division = server.getDivision(id);
            } catch (IOException removedMeanwhile) {
                continue;
            }
            LifeCycle.State state = division.getInfo().getLifeCycleState();
            if (state.isClosingOrClosed() || state == LifeCycle.State.EXCEPTION) {
                stopped.computeIfAbsent(id, ignored -> {
                    String reason = reasonOf(division, state);
                    LOG.error("{}: {} STOPPED on this node ({}); reopening it from its log and snapshots", self,
                            GroupId.of(id), reason);
                    return new Stopped(division.getGroup(), reason, false);
                });
            } else if (!stopped.containsKey(id)) {
                int[] counts = history.get(id);
                if (counts != null && ++counts[1] >= HEALTHY_CHECKS_TO_RESET) {
                    history.remove(id);
                }
            }
        }
        for (Map.Entry<RaftGroupId, Stopped> entry : stopped.entrySet()) {
            if (!entry.getValue().scheduled()) {
                RaftGroupId id = entry.getKey();
                int[] counts = history.computeIfAbsent(id, ignored -> new int[2]);
                Duration delay = delay(counts[0]++);
                counts[1] = 0;
                stopped.computeIfPresent(id, (ignored, found) -> new Stopped(found.group(), found.reason(), true));
                scheduler.schedule(() -> reopen(id), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** checkEvery, doubling with each reopen in a row, at most maximumDelay. */
    private Duration delay(int reopensInARow) {
        Duration delay = checkEvery;
        for (int i = 0; i < reopensInARow && delay.compareTo(maximumDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maximumDelay) > 0 ? maximumDelay : delay;
    }

    private void reopen(RaftGroupId id) {
        synchronized (groupChanges) {
            Stopped found = stopped.get(id);
            if (found == null) {
                return; // removed on purpose meanwhile
            }
            try {
                if (listed(id)) {
                    RaftClientReply removed = server.groupManagement(GroupManagementRequest.newRemove(
                            clientId, self, callIds.incrementAndGet(), id, false, false));
                    if (!removed.isSuccess() && listed(id)) {
                        throw new IOException("removing the stopped division failed", removed.getException());
                    }
                }
                RaftClientReply added = server.groupManagement(GroupManagementRequest.newAdd(
                        clientId, self, callIds.incrementAndGet(), found.group(), false));
                if (!added.isSuccess()) {
                    throw new IOException("adding it back failed", added.getException());
                }
                stopped.remove(id);
                LOG.warn("{}: {} reopened after it stopped ({})", self, GroupId.of(id), found.reason());
            } catch (IOException | RuntimeException e) {
                LOG.error("{}: reopening {} failed; trying again later", self, GroupId.of(id), e);
                stopped.computeIfPresent(id, (ignored, current) -> new Stopped(current.group(),
                        current.reason() + "; reopening failed: " + e, false));
            }
        }
    }

    private boolean listed(RaftGroupId id) {
        for (RaftGroupId listed : server.getGroupIds()) {
            if (listed.equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static String reasonOf(RaftServer.Division division, LifeCycle.State state) {
        if (division.getStateMachine() instanceof ShardStateMachine shard && shard.failure().isPresent()) {
            return "the shard halted: " + shard.failure().get();
        }
        return "the Raft division is " + state + " (its log could not be written, or it was closed)";
    }
}
