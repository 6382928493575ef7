package io.strata.chaos.nemesis;

import io.strata.chaos.clock.ClockSkew;
import io.strata.chaos.clock.ClockSkewMethod;
import io.strata.chaos.cluster.ClusterUnderTest;
import io.strata.chaos.cluster.NodeLaunch;
import java.util.Objects;
import java.util.Optional;

/**
 * Restarts one node with its wall clock shifted by the schedule's skew (libfaketime or the node's
 * injected clock, an option); healing restarts it with the true clock. Replicated apply must not
 * care: it never reads the local clock.
 */
public final class ClockSkewNemesis implements Nemesis {
    private final ClockSkewMethod method;

    public ClockSkewNemesis(ClockSkewMethod method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    @Override
    public FaultKind kind() {
        return FaultKind.CLOCK_SKEW;
    }

    @Override
    public Optional<String> unavailableReason(ClusterUnderTest cluster) {
        return Optional.empty();
    }

    @Override
    public Injection inject(ClusterUnderTest cluster, ScheduledFault fault) {
        String node = Targets.node(cluster, fault);
        ClockSkew skew = new ClockSkew(fault.skew(), method);
        cluster.kill(node);
        cluster.start(node, new NodeLaunch(skew.environment(), skew.jvmArguments()));
        return Nemesis.injection("restart " + node + " with clock " + fault.skew() + " (" + method + ")", () -> {
            cluster.kill(node);
            cluster.start(node, NodeLaunch.normal());
        });
    }
}
