package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import java.util.Optional;

/** Stops ZooKeeper: metadata is unreachable, writes through cached routes should carry on. */
public final class ZooKeeperOutageNemesis implements Nemesis {
    @Override
    public FaultKind kind() {
        return FaultKind.ZOOKEEPER_OUTAGE;
    }

    @Override
    public Optional<String> unavailableReason(ClusterUnderTest cluster) {
        return Optional.empty();
    }

    @Override
    public Injection inject(ClusterUnderTest cluster, ScheduledFault fault) {
        cluster.stopZooKeeper();
        return Nemesis.injection("stop ZooKeeper", cluster::startZooKeeper);
    }
}
