package io.strata.chaos.run;

import io.strata.chaos.clock.ClockSkewMethod;
import io.strata.chaos.nemesis.Schedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one chaos run needs.
 *
 * @param schedule the faults, generated from the run's seed (its seed is the run's seed)
 * @param nodes Strata nodes (3 or 5)
 * @param groupCount Raft groups of the cluster
 * @param processes concurrent workload clients
 * @param seriesCount series the workload spreads over
 * @param operationPause pause of each process between operations (keeps the load light)
 * @param runDirectory node data, logs, {@code history.jsonl} and {@code report.txt}
 * @param useNamespaces network namespaces when the machine allows them
 * @param dataVolumeBytes tmpfs data directory per node (for disk-full faults); 0 for none
 * @param clockSkew how clock-skew faults shift a node's clock
 * @param nodeJvmArguments extra JVM arguments of every node (e.g. a test-only switch)
 * @param settleTimeout how long the healed cluster may take to serve every series again
 */
public record ChaosSettings(
        Schedule schedule,
        int nodes,
        int groupCount,
        int processes,
        int seriesCount,
        Duration operationPause,
        Path runDirectory,
        boolean useNamespaces,
        long dataVolumeBytes,
        ClockSkewMethod clockSkew,
        List<String> nodeJvmArguments,
        Duration settleTimeout) {
    public ChaosSettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(runDirectory, "runDirectory");
        Objects.requireNonNull(clockSkew, "clockSkew");
        nodeJvmArguments = List.copyOf(nodeJvmArguments);
        if (processes < 1 || seriesCount < 1) {
            throw new IllegalArgumentException("at least one process and one series");
        }
    }

    public long seed() {
        return schedule.seed();
    }
}
