package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import java.util.Optional;

/** SIGSTOP one node (a long GC pause or a frozen VM); healing sends SIGCONT. */
public final class PauseNemesis implements Nemesis {
    @Override
    public FaultKind kind() {
        return FaultKind.PAUSE;
    }

    @Override
    public Optional<String> unavailableReason(ClusterUnderTest cluster) {
        return Optional.empty();
    }

    @Override
    public Injection inject(ClusterUnderTest cluster, ScheduledFault fault) {
        String node = Targets.node(cluster, fault);
        cluster.pause(node);
        return Nemesis.injection("SIGSTOP " + node, () -> cluster.resume(node));
    }
}
