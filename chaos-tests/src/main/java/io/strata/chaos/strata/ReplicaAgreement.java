package io.strata.chaos.strata;

import io.strata.chaos.check.Violation;
import io.strata.chaos.check.ViolationKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * After healing, every replica of a series' Raft group must come to hold the same records (barrier
 * records included): Raft promises the same committed log everywhere, so a replica that stays
 * different — missing records, extra ones, other versions — is a violation even if the linearizable
 * reads, served by one up-to-date replica, looked right. Waits up to a timeout for lagging replicas.
 */
public final class ReplicaAgreement {
    private static final int DIFFERENCES_SHOWN = 3;

    private ReplicaAgreement() {}

    public static List<Violation> check(StrataProcessCluster cluster, String database, String table, List<String> series,
            Duration timeout) {
        List<Violation> violations = new ArrayList<>();
        // One deadline for all series: a diverged group is reported after the timeout, not once per series.
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : series) {
            while (true) {
                Optional<String> disagreement = disagreement(cluster, database, table, name);
                if (disagreement.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    violations.add(new Violation(ViolationKind.REPLICA_DIVERGENCE,
                            "series " + name + " after " + timeout + ": " + disagreement.get(), List.of()));
                    break;
                }
                LockSupport.parkNanos(500_000_000L);
            }
        }
        return violations;
    }

    /** Empty if every replica hosting the series' group answered the same points. */
    private static Optional<String> disagreement(StrataProcessCluster cluster, String database, String table, String series) {
        Map<String, Set<ReplicaPoint>> answers = new LinkedHashMap<>();
        Integer group = null;
        for (Map.Entry<String, ReplicaInspectionClient> node : cluster.replicaInspection().entrySet()) {
            Optional<List<ReplicaPoint>> points = node.getValue().series(database, table, StrataWorkloadClient.SERIES_DIMENSION,
                    series);
            if (points.isEmpty()) {
                return Optional.of(node.getKey() + " does not answer");
            }
            answers.put(node.getKey(), new HashSet<>(points.get()));
            if (!points.get().isEmpty()) {
                group = points.get().getFirst().group();
            }
        }
        if (group == null) {
            return Optional.empty();
        }
        Map<String, Set<ReplicaPoint>> replicas = new LinkedHashMap<>();
        for (Map.Entry<String, ReplicaInspectionClient> node : cluster.replicaInspection().entrySet()) {
            Optional<List<LocalGroup>> status = node.getValue().localGroups();
            if (status.isEmpty()) {
                return Optional.of(node.getKey() + " does not answer");
            }
            int hosted = group;
            if (status.get().stream().anyMatch(line -> line.group() == hosted)) {
                replicas.put(node.getKey(), answers.get(node.getKey()));
            }
        }
        Set<ReplicaPoint> reference = replicas.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        StringBuilder differences = new StringBuilder();
        for (Map.Entry<String, Set<ReplicaPoint>> replica : replicas.entrySet()) {
            if (!replica.getValue().equals(reference)) {
                Set<ReplicaPoint> missing = new HashSet<>(reference);
                missing.removeAll(replica.getValue());
                Set<ReplicaPoint> extra = new HashSet<>(replica.getValue());
                extra.removeAll(reference);
                differences.append(replica.getKey()).append(" (replica of group-").append(group).append(") holds ")
                        .append(replica.getValue().size()).append(" records, the fullest replica ").append(reference.size())
                        .append("; missing e.g. ").append(missing.stream().limit(DIFFERENCES_SHOWN).toList())
                        .append(", extra e.g. ").append(extra.stream().limit(DIFFERENCES_SHOWN).toList()).append("; ");
            }
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(differences.toString());
    }
}
