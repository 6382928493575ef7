package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterNode;
import io.strata.chaos.cluster.ClusterUnderTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Resolves a schedule's numeric target into nodes and zones, in a stable order. */
final class Targets {
    private Targets() {}

    static String node(ClusterUnderTest cluster, ScheduledFault fault) {
        List<ClusterNode> nodes = cluster.nodes();
        return nodes.get(fault.target() % nodes.size()).name();
    }

    static List<String> zones(ClusterUnderTest cluster) {
        return List.copyOf(new TreeSet<>(cluster.nodes().stream().map(ClusterNode::zone).toList()));
    }

    static Set<String> nodesIn(ClusterUnderTest cluster, String zone) {
        Set<String> names = new LinkedHashSet<>();
        for (ClusterNode node : cluster.nodes()) {
            if (node.zone().equals(zone)) {
                names.add(node.name());
            }
        }
        return names;
    }

    static Set<String> allBut(ClusterUnderTest cluster, Set<String> excluded) {
        Set<String> rest = new LinkedHashSet<>();
        for (ClusterNode node : cluster.nodes()) {
            if (!excluded.contains(node.name())) {
                rest.add(node.name());
            }
        }
        return rest;
    }

    /** A minority of nodes (fewer than half), consecutive from the target, wrapping around. */
    static Set<String> minority(ClusterUnderTest cluster, ScheduledFault fault) {
        List<ClusterNode> nodes = new ArrayList<>(cluster.nodes());
        int size = Math.max(1, (nodes.size() - 1) / 2);
        Set<String> minority = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            minority.add(nodes.get((fault.target() + i) % nodes.size()).name());
        }
        return minority;
    }
}
