package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import io.strata.chaos.cluster.NodeLaunch;
import java.util.Optional;

/** kill -9 one node; healing restarts it on the same data directory. */
public final class KillRestartNemesis implements Nemesis {
    @Override
    public FaultKind kind() {
        return FaultKind.KILL_RESTART;
    }

    @Override
    public Optional<String> unavailableReason(ClusterUnderTest cluster) {
        return Optional.empty();
    }

    @Override
    public Injection inject(ClusterUnderTest cluster, ScheduledFault fault) {
        String node = Targets.node(cluster, fault);
        cluster.kill(node);
        return Nemesis.injection("kill -9 " + node, () -> cluster.start(node, NodeLaunch.normal()));
    }
}
