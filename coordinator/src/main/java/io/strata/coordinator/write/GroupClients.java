package io.strata.coordinator.write;

import io.strata.coordinator.membership.NodeAddresses;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.metadata.NodeRegistration;
import io.strata.metadata.RoutingView;
import io.strata.placement.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.client.GroupClient;
import io.strata.raft.shard.ShardGroups;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link GroupClient} per Raft group, reused across requests and replaced when the group's
 * peers change. Peer addresses come from the live registrations; a peer that is down keeps the
 * address it last registered (a Raft client needs every peer to find the leader after a restart).
 *
 * <p>Thread-safe: many requests ask for clients concurrently; a replaced client is closed after
 * the swap (its in-flight requests fail as unavailable, which callers already handle).
 */
public final class GroupClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupClients.class);

    private final Duration timeout;
    private final Map<String, NodeEndpoint> knownEndpoints = new ConcurrentHashMap<>();
    private final Map<GroupId, GroupClient> clients = new ConcurrentHashMap<>();
    private final Function<io.strata.raft.GroupId, LongConsumer> commitLatency;
    private final LongSupplier nanoTime;

    /** @param timeout how long one request keeps trying to reach a leader with a quorum */
    public GroupClients(Duration timeout) {
        this(timeout, group -> latencyNanos -> { }, System::nanoTime);
    }

    /**
     * Clients that report each acknowledged command's commit latency to the recorder
     * {@code commitLatency} gives for its Raft group (asked once per client, when it is created).
     */
    public GroupClients(Duration timeout, Function<io.strata.raft.GroupId, LongConsumer> commitLatency,
            LongSupplier nanoTime) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.commitLatency = Objects.requireNonNull(commitLatency, "commitLatency");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The client of {@code group} under the placement and members of {@code view}. */
    public GroupClient clientFor(RoutingView view, GroupId group) {
        for (NodeRegistration member : view.members().values()) {
            NodeAddresses.raftEndpoint(member).ifPresent(endpoint -> knownEndpoints.put(member.nodeId(), endpoint));
        }
        List<NodeEndpoint> peers = new ArrayList<>();
        for (String peer : view.placement().group(group).peers()) {
            NodeEndpoint endpoint = knownEndpoints.get(peer);
            if (endpoint != null) {
                peers.add(endpoint);
            }
        }
        if (peers.isEmpty()) {
            throw new ServiceUnavailableException("No peer of " + group + " is known yet; retry shortly.");
        }
        GroupClient current = clients.get(group);
        if (current != null && current.peers().equals(peers)) {
            return current;
        }
        return replace(group, peers);
    }

    private synchronized GroupClient replace(GroupId group, List<NodeEndpoint> peers) {
        GroupClient current = clients.get(group);
        if (current != null && current.peers().equals(peers)) {
            return current;
        }
        io.strata.raft.GroupId raftGroup = ShardGroups.raftGroupOf(group);
        GroupClient created = new GroupClient(raftGroup, peers, timeout, commitLatency.apply(raftGroup), nanoTime);
        clients.put(group, created);
        if (current != null) {
            closeQuietly(current);
        }
        return created;
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(GroupClients::closeQuietly);
        clients.clear();
    }

    private static void closeQuietly(GroupClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", client, e);
        }
    }
}
