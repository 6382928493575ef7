package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import java.util.Optional;

/**
 * Injects one kind of fault into a cluster and knows how to heal it.
 *
 * <p>Contract: called by the {@link NemesisRunner}'s single thread, one fault at a time. What to
 * attack comes from the {@link ScheduledFault} only (never from a random source of its own), so a
 * seed replays the same decisions; the one runtime input is "who leads" for leader kills.
 * {@link Injection#heal()} is called exactly once per injection, also when the run fails.
 */
public interface Nemesis {
    FaultKind kind();

    /** Why this fault cannot run on this cluster (for example no network namespaces), or empty. */
    Optional<String> unavailableReason(ClusterUnderTest cluster);

    Injection inject(ClusterUnderTest cluster, ScheduledFault fault);

    /** A fault in effect: what was done, and how to undo it. */
    interface Injection {
        String description();

        void heal();
    }

    static Injection injection(String description, Runnable heal) {
        return new Injection() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public void heal() {
                heal.run();
            }
        };
    }
}
