package io.strata.chaos.report;

import io.strata.chaos.check.Violation;
import io.strata.chaos.check.ViolationKind;
import io.strata.chaos.history.History;
import io.strata.chaos.history.Operation;
import io.strata.chaos.history.OperationType;
import io.strata.chaos.history.Phase;
import io.strata.chaos.nemesis.FaultKind;
import io.strata.chaos.nemesis.FaultRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table every run ends with: operations by type and outcome, faults by kind, violations by kind,
 * the seed that replays the run and the network mode (namespaces or the loopback fallback).
 */
public record RunReport(long seed, String networkMode, History history, List<FaultRecord> faults, List<Violation> violations) {
    private static final int VIOLATIONS_LISTED = 20;

    public RunReport {
        Objects.requireNonNull(networkMode, "networkMode");
        Objects.requireNonNull(history, "history");
        faults = List.copyOf(faults);
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** Operations of that type (null: all) with that outcome (null: attempted). */
    public long count(OperationType type, Phase outcome) {
        return history.operations().stream()
                .filter(operation -> type == null || operation.type() == type)
                .filter(operation -> outcome == null || operation.outcome() == outcome)
                .count();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Strata chaos run — seed ").append(seed).append("  (replay: -Dchaos.seed=").append(seed).append(")\n");
        out.append("network: ").append(networkMode).append('\n');
        out.append(String.format("%-12s %10s %13s %8s %8s%n", "operations", "attempted", "acknowledged", "failed", "unknown"));
        for (OperationType type : OperationType.values()) {
            operationRow(out, type.name().toLowerCase(), type);
        }
        operationRow(out, "total", null);

        out.append(String.format("%-18s %9s %8s %7s%n", "faults", "injected", "skipped", "failed"));
        Map<FaultKind, int[]> byKind = new EnumMap<>(FaultKind.class);
        for (FaultRecord fault : faults) {
            int[] counts = byKind.computeIfAbsent(fault.fault().kind(), kind -> new int[3]);
            counts[fault.injected() ? 0 : fault.outcome().startsWith("skipped") ? 1 : 2]++;
        }
        int[] total = new int[3];
        for (Map.Entry<FaultKind, int[]> entry : byKind.entrySet()) {
            int[] c = entry.getValue();
            out.append(String.format("  %-16s %9d %8d %7d%n", entry.getKey().name().toLowerCase(), c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        }
        out.append(String.format("  %-16s %9d %8d %7d%n", "total", total[0], total[1], total[2]));

        out.append(String.format("%-18s %9s%n", "violations", "count"));
        Map<ViolationKind, Integer> violationCounts = new EnumMap<>(ViolationKind.class);
        for (Violation violation : violations) {
            violationCounts.merge(violation.kind(), 1, Integer::sum);
        }
        for (ViolationKind kind : ViolationKind.values()) {
            out.append(String.format("  %-16s %9d%n", kind.name().toLowerCase(), violationCounts.getOrDefault(kind, 0)));
        }
        violations.stream().limit(VIOLATIONS_LISTED).forEach(violation -> out.append("  ! ").append(violation).append('\n'));
        if (violations.size() > VIOLATIONS_LISTED) {
            out.append("  ! … ").append(violations.size() - VIOLATIONS_LISTED).append(" more in the run directory\n");
        }
        out.append("result: ").append(passed() ? "PASS" : "FAIL (" + violations.size() + " violations)")
                .append(" — seed ").append(seed).append('\n');
        return out.toString();
    }

    private void operationRow(StringBuilder out, String label, OperationType type) {
        out.append(String.format("  %-10s %10d %13d %8d %8d%n", label, count(type, null), count(type, Phase.OK),
                count(type, Phase.FAIL), count(type, Phase.INFO)));
    }

    /** Operations acknowledged in the history, for callers that want one number. */
    public long acknowledged() {
        return history.operations().stream().filter(Operation::acknowledged).count();
    }
}
