package io.strata.chaos.check;

/** The ways a history can show the cluster misbehaving. */
public enum ViolationKind {
    /** An acknowledged write is missing from the final read. */
    LOST_WRITE,
    /** A record appears more than once in the final read. */
    DUPLICATE,
    /** A record appears that no operation wrote, or that only failed operations wrote. */
    PHANTOM,
    /** A record's final version is lower than an acknowledged one, or comes from a failed upsert. */
    VERSION_ORDER,
    /** A client's reads of a series went backwards. */
    NON_MONOTONIC_READ,
    /** A read missed a write that was acknowledged before the read began. */
    STALE_READ,
    /** After healing, the replicas of one Raft group still hold different records (found by the run, not a history checker). */
    REPLICA_DIVERGENCE
}
