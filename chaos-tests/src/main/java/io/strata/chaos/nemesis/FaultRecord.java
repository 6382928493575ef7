package io.strata.chaos.nemesis;

import java.util.Objects;

/**
 * What happened to one scheduled fault.
 *
 * @param outcome {@code injected}, {@code skipped: <reason>} or {@code failed: <error>}
 * @param injectedNanos monotonic time of injection (the run's clock); -1 if not injected
 * @param healedNanos monotonic time of healing; -1 if not injected
 */
public record FaultRecord(ScheduledFault fault, String outcome, String description, long injectedNanos, long healedNanos) {
    public FaultRecord {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(description, "description");
    }

    public boolean injected() {
        return outcome.equals("injected");
    }

    @Override
    public String toString() {
        return "#" + fault.sequence() + " " + fault.kind() + " at " + fault.start() + " for " + fault.duration() + ": "
                + outcome + (description.isEmpty() ? "" : " — " + description);
    }
}
