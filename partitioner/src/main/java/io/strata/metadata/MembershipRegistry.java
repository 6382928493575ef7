package io.strata.metadata;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * A node's presence in the cluster: an <b>ephemeral</b> znode {@code members/<nodeId>} holding its
 * {@link NodeRegistration}. It disappears when the node's ZooKeeper session ends (crash, close,
 * expiry), which is how the cluster manager learns that a node left.
 *
 * <p>Re-registration is Curator's {@link PersistentNode}: on RECONNECTED (including after LOST,
 * when Curator has opened a new session) it creates the znode again; if the previous session's
 * znode still exists because the server has not expired that session yet, it watches it and
 * recreates it once ZooKeeper deletes it. Two live nodes must never share a node id: the second
 * would take over the first one's znode.
 *
 * <p>Close the registry before its Curator client: closing the client first leaves Curator's
 * {@code PersistentNode} retrying its create against a closed client.
 *
 * <p>Threading: {@link #start()}/{@link #close()} from one owner thread; the other methods are
 * thread-safe. Idempotent: starting a registration that already exists only rewrites its data.
 */
public final class MembershipRegistry implements Closeable {
    private final CuratorFramework client;
    private final MetadataPaths paths;
    private final NodeRegistration registration;
    private final PersistentNode node;

    public MembershipRegistry(CuratorFramework client, MetadataPaths paths, NodeRegistration registration) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.node = new PersistentNode(client, CreateMode.EPHEMERAL, false, paths.member(registration.nodeId()),
                registration.toBytes());
    }

    /** Starts registering; returns at once. See {@link #awaitRegistered(Duration)}. */
    public void start() throws Exception {
        paths.createParents(client);
        node.start();
    }

    /** Waits until the first registration is in ZooKeeper; {@code false} on timeout. */
    public boolean awaitRegistered(Duration timeout) throws InterruptedException {
        return node.waitForInitialCreate(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether this node's znode exists now and belongs to the client's current session, i.e. the
     * registration survived or was redone after the last session change. Reads ZooKeeper.
     */
    public boolean registeredInCurrentSession() throws Exception {
        Stat stat = client.checkExists().forPath(paths.member(registration.nodeId()));
        return stat != null && stat.getEphemeralOwner() == client.getZookeeperClient().getZooKeeper().getSessionId();
    }

    public NodeRegistration registration() {
        return registration;
    }

    /** The registrations of all live nodes, read from ZooKeeper now, ordered by node id. */
    public static List<NodeRegistration> liveMembers(CuratorFramework client, MetadataPaths paths) throws Exception {
        List<NodeRegistration> members = new ArrayList<>();
        for (String child : client.getChildren().forPath(paths.members())) {
            try {
                members.add(NodeRegistration.fromBytes(
                        client.getData().forPath(paths.members() + "/" + child)));
            } catch (KeeperException.NoNodeException left) {
                // the node left between the listing and the read
            }
        }
        members.sort(Comparator.comparing(NodeRegistration::nodeId));
        return members;
    }

    /**
     * Deletes the registration (the node leaves the cluster) and stops re-creating it. When the
     * session is already gone or unreachable the delete cannot run, and need not: ZooKeeper
     * removes the ephemeral znode with the session.
     */
    @Override
    public void close() throws IOException {
        try {
            node.close();
        } catch (IOException e) {
            if (!(e.getCause() instanceof KeeperException)) {
                throw e;
            }
        }
    }
}
