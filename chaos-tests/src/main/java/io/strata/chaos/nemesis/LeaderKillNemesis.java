package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import io.strata.chaos.cluster.NodeLaunch;
import java.util.List;
import java.util.Optional;

/** kill -9 the node that leads a Raft group right now; healing restarts it. */
public final class LeaderKillNemesis implements Nemesis {
    @Override
    public FaultKind kind() {
        return FaultKind.LEADER_KILL;
    }

    @Override
    public Optional<String> unavailableReason(ClusterUnderTest cluster) {
        return cluster.groups().isEmpty() ? Optional.of("the cluster reports no Raft groups") : Optional.empty();
    }

    @Override
    public Injection inject(ClusterUnderTest cluster, ScheduledFault fault) {
        List<String> groups = cluster.groups();
        String group = groups.get(fault.target() % groups.size());
        Optional<String> leader = cluster.leaderOf(group);
        if (leader.isEmpty()) {
            return Nemesis.injection("no leader known for group " + group + ": nothing killed", () -> {});
        }
        cluster.kill(leader.get());
        return Nemesis.injection("kill -9 " + leader.get() + ", leader of " + group,
                () -> cluster.start(leader.get(), NodeLaunch.normal()));
    }
}
