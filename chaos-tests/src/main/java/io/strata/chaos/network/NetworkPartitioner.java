package io.strata.chaos.network;

import java.util.List;
import java.util.Set;

/**
 * Cuts and restores the network between named hosts. An optional capability of a cluster: only
 * present where the nodes live in separate network namespaces.
 *
 * <p>Contract: calls are serialized by the caller (one nemesis at a time); {@link #heal()} is
 * idempotent and restores full connectivity whatever was cut before; a new {@link #partition}
 * replaces the previous one.
 */
public interface NetworkPartitioner {
    /** Drops all traffic between hosts on different sides; hosts on one side still talk. */
    void partition(List<Set<String>> sides);

    /** Restores full connectivity. */
    void heal();
}
