package io.strata.chaos.cluster;

import io.strata.chaos.disk.TmpfsVolume;
import io.strata.chaos.network.NetworkPartitioner;
import java.util.List;
import java.util.Optional;

/**
 * The Strata cluster a chaos run attacks: node processes and their ZooKeeper, which the nemeses
 * start, kill, pause and cut off.
 *
 * <p>Contract: the nemesis runner calls it from one thread at a time; workload threads never call
 * it. Every fault method returns once the fault is in effect (a killed node has exited, a paused
 * one is stopped). {@link #start} on a running node and {@link #resume} on a running node do
 * nothing, so healing twice is harmless. {@link #close()} stops everything it started and removes
 * what it created on the host, also after failures.
 */
public interface ClusterUnderTest extends AutoCloseable {
    List<ClusterNode> nodes();

    /** Starts a node that is not running (first start, after a kill, or with a clock skew). */
    void start(String node, NodeLaunch launch);

    /** kill -9: the node's process dies without any shutdown. */
    void kill(String node);

    /** SIGSTOP: the node stays alive but answers nothing. */
    void pause(String node);

    /** SIGCONT after {@link #pause}. */
    void resume(String node);

    boolean running(String node);

    /** The Raft groups the cluster hosts, in a stable order; empty if it cannot tell. */
    List<String> groups();

    /** Which node leads the group now, if known. */
    Optional<String> leaderOf(String group);

    /** Stops the ZooKeeper the nodes use (its process exits); nodes keep running. */
    void stopZooKeeper();

    void startZooKeeper();

    /** Cuts the network between nodes; empty where nodes share one network (loopback fallback). */
    Optional<NetworkPartitioner> network();

    /** The node's data directory as a small volume that can be filled; empty if it is a plain directory. */
    Optional<TmpfsVolume> dataVolume(String node);

    /** Heals every fault this interface can inject: network healed, nodes resumed and running, ZooKeeper up. */
    void healAll();

    @Override
    void close();
}
