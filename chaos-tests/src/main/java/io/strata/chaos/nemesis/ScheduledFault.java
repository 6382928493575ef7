package io.strata.chaos.nemesis;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault of a schedule, fully decided by the seed.
 *
 * @param start offset from the start of the run
 * @param duration how long the fault lasts before it is healed
 * @param target which node, zone or group, taken modulo their number when the fault is injected
 * @param skew the clock offset for {@link FaultKind#CLOCK_SKEW}; zero otherwise
 */
public record ScheduledFault(int sequence, FaultKind kind, Duration start, Duration duration, int target, Duration skew) {
    public ScheduledFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(skew, "skew");
        if (target < 0) {
            throw new IllegalArgumentException("target must be >= 0");
        }
    }

    public Duration end() {
        return start.plus(duration);
    }
}
