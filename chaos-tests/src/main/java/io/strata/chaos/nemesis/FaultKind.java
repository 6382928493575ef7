package io.strata.chaos.nemesis;

/** The faults a schedule mixes. CHAOS.md describes what each one does to the cluster. */
public enum FaultKind {
    KILL_RESTART,
    PAUSE,
    ZONE_PARTITION,
    MAJORITY_SPLIT,
    ZOOKEEPER_OUTAGE,
    DISK_FULL,
    CLOCK_SKEW,
    LEADER_KILL
}
