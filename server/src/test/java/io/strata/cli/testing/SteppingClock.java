package io.strata.cli.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves {@code step} forward each time it is read, so timings in output are exact. */
public final class SteppingClock extends Clock {
    private final AtomicLong nanos;
    private final long stepNanos;

    public SteppingClock(Instant start, Duration step) {
        this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
        this.stepNanos = step.toNanos();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
        long now = nanos.getAndAdd(stepNanos);
        return Instant.ofEpochSecond(0, now);
    }
}
