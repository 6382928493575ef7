package io.strata.tier.journal;

import java.time.Clock;
import java.time.Instant;
import net.openhft.chronicle.core.time.TimeProvider;

/** Lets Chronicle roll its cycle files by an injected {@link Clock}, so tests can roll them at will. */
final class ClockTimeProvider implements TimeProvider {
    private final Clock clock;

    ClockTimeProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeMillis() {
        return clock.millis();
    }

    @Override
    public long currentTimeMicros() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }
}
